package io.timefusion.gateway.server;

import com.google.inject.Inject;
import io.timefusion.gateway.GatewayConfig;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts sessions against MAX_PG_CONNECTIONS; a cancel request or a refused client does not hold a place. */
public class ConnectionLimiter
{
    private final int maximum;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    @Inject
    public ConnectionLimiter(GatewayConfig config)
    {
        this.maximum = config.getMaxConnections();
    }

    public boolean tryAcquire()
    {
        while (true) {
            int current = open.get();
            if (current >= maximum) {
                rejected.incrementAndGet();
                return false;
            }
            if (open.compareAndSet(current, current + 1)) {
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
