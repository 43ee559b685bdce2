package io.timefusion.gateway.server;

import com.google.inject.Inject;
import io.timefusion.gateway.GatewayConfig;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts authenticated sessions against MAX_PG_CONNECTIONS, and logins in progress against twice that (as Postgres
 * bounds its backends still authenticating): a client stalling its login can neither take a session's place nor make
 * the gateway hold connections without bound. A cancel request or a refused client holds no place.
 */
public class ConnectionLimiter
{
    private final int maximum;
    private final int maximumLogins;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger loggingIn = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    @Inject
    public ConnectionLimiter(GatewayConfig config)
    {
        this.maximum = config.getMaxConnections();
        this.maximumLogins = 2 * config.getMaxConnections();
    }

    public boolean tryAcquire()
    {
        return tryIncrement(open, maximum);
    }

    public boolean tryStartLogin()
    {
        return tryIncrement(loggingIn, maximumLogins);
    }

    public void loginEnded()
    {
        loggingIn.decrementAndGet();
    }

    /** Connections accepted that have not authenticated yet. */
    public int loginsInProgress()
    {
        return loggingIn.get();
    }

    private boolean tryIncrement(AtomicInteger counter, int limit)
    {
        while (true) {
            int current = counter.get();
            if (current >= limit) {
                rejected.incrementAndGet();
                return false;
            }
            if (counter.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public void release()
    {
        open.decrementAndGet();
    }

    public int open()
    {
        return open.get();
    }

    public int maximum()
    {
        return maximum;
    }

    public int rejected()
    {
        return rejected.get();
    }
}
