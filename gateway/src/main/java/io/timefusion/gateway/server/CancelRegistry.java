package io.timefusion.gateway.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Open sessions by backend key, so that a CancelRequest on another connection can reach the one it names. */
public class CancelRegistry
{
    private final AtomicInteger nextProcessId = new AtomicInteger(1000);
    private final Map<BackendKey, Runnable> cancellers = new ConcurrentHashMap<>();

    public BackendKey register(Runnable canceller)
    {
        BackendKey key = BackendKey.random(nextProcessId.incrementAndGet());
        cancellers.put(key, canceller);
        return key;
    }

    public void unregister(BackendKey key)
    {
        cancellers.remove(key);
    }

    /** Cancels what the session runs if the key matches exactly; a wrong secret does nothing, as in Postgres. */
    public void cancel(int processId, int secretKey)
    {
        Runnable canceller = cancellers.get(new BackendKey(processId, secretKey));
        if (canceller != null) {
            canceller.run();
        }
    }
}
