package io.timefusion.gateway.pgwire.auth;

/**
 * The client did not prove it knows the password, or sent an authentication message that cannot be read. The
 * message says why, for the server's log; the client should only learn that authentication failed. It never
 * contains the password.
 */
public final class AuthenticationFailedException
        extends RuntimeException
{
    public AuthenticationFailedException(String reason)
    {
        super(reason);
    }
}
