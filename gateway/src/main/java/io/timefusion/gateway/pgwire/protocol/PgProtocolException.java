package io.timefusion.gateway.pgwire.protocol;

/**
 * The client broke the framing or grammar of the wire protocol. The byte stream cannot be trusted after this, so
 * the connection ends with a FATAL error carrying {@link #sqlState()}.
 */
public abstract sealed class PgProtocolException
        extends RuntimeException
        permits ProtocolViolationException, MessageTooLargeException
{
    /** SQLSTATE protocol_violation, which Postgres reports for every framing and message-format error. */
    public static final String SQL_STATE = "08P01";

    protected PgProtocolException(String message)
    {
        super(message);
    }

    public String sqlState()
    {
        return SQL_STATE;
    }
}
