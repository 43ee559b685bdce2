package io.timefusion.gateway.server;

import io.timefusion.gateway.pgwire.protocol.FrontendMessage;

/** The session's next message from the client; what reads a sub-protocol (COPY) in the middle of a statement takes from. */
interface MessageSource
{
    FrontendMessage take()
            throws InterruptedException;
}
