package io.timefusion.gateway.server;

/**
 * The places one connection holds in the {@link ConnectionLimiter}: a login place from the moment it is accepted
 * until it authenticates, then a session place until it closes. A client that never finishes its login therefore holds
 * no session place, and loses its login place when the login deadline closes it. The event loop and the session's
 * thread both call in, hence the lock.
 */
final class ConnectionSlots
{
    private final ConnectionLimiter limiter;
    private boolean login;
    private boolean session;
    private boolean released;

    ConnectionSlots(ConnectionLimiter limiter)
    {
        this.limiter = limiter;
    }

    /** When the connection is accepted; false when too many logins are in progress already. */
    synchronized boolean tryStartLogin()
    {
        login = !released && limiter.tryStartLogin();
        return login;
    }

    /** After authentication: trades the login place for a session place; false when MAX_PG_CONNECTIONS sessions are open. */
    synchronized boolean tryStartSession()
    {
        endLogin();
        session = !released && limiter.tryAcquire();
        return session;
    }

    /** When the connection closes; safe to call more than once. */
    synchronized void release()
    {
        released = true;
        endLogin();
        if (session) {
            session = false;
            limiter.release();
        }
    }

    private void endLogin()
    {
        if (login) {
            login = false;
            limiter.loginEnded();
        }
    }
}
