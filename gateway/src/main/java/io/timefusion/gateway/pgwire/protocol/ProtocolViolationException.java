package io.timefusion.gateway.pgwire.protocol;

/** A message that is not what the protocol allows: bad length, unknown tag, truncated or overlong body. */
public final class ProtocolViolationException
        extends PgProtocolException
{
    public ProtocolViolationException(String message)
    {
        super(message);
    }
}
