package io.timefusion.gateway.pgwire.auth;

/**
 * The client did not prove it knows the password, or sent an authentication message that cannot be read. It never
 * contains the password. Its SQLSTATE is Postgres': 28P01 when the proof (or the user) is wrong, and then the client
 * learns only that authentication failed; 08P01 for a message that breaks the exchange's grammar and 0A000 for a
 * SCRAM feature the server does not offer, whose reasons the client may read.
 */
public final class AuthenticationFailedException
        extends RuntimeException
{
    public static final String INVALID_PASSWORD = "28P01";

    private final String sqlState;

    public AuthenticationFailedException(String reason)
    {
        this(INVALID_PASSWORD, reason);
    }

    private AuthenticationFailedException(String sqlState, String reason)
    {
        super(reason);
        this.sqlState = sqlState;
    }

    /** A SASL or SCRAM message that cannot be read, or that contradicts the exchange so far (protocol_violation). */
    public static AuthenticationFailedException protocolViolation(String reason)
    {
        return new AuthenticationFailedException("08P01", reason);
    }

    /** A SCRAM feature the client requires and the server does not offer (feature_not_supported). */
    public static AuthenticationFailedException unsupported(String reason)
    {
        return new AuthenticationFailedException("0A000", reason);
    }

    public String sqlState()
    {
        return sqlState;
    }

    /** Whether the client may read the reason: only when it says nothing about the password. */
    public boolean reasonIsPublic()
    {
        return !sqlState.equals(INVALID_PASSWORD);
    }
}
