package io.timefusion.gateway.pgwire.protocol;

/** What the server tells the handlers of a connection's pipeline (as a Netty user event) about its progress. */
public enum ConnectionEvent
{
    /**
     * The client proved who it is: messages may now be as large as {@link MessageLimits} allow, not just as large as
     * an authentication message, and the login deadline no longer applies.
     */
    AUTHENTICATED
}
