package io.timefusion.gateway.http;

/** Since when the gateway runs: created once, eagerly, as the gateway starts. */
public class GatewayUptime
{
    private final long startedNanos = System.nanoTime();

    public long seconds()
    {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }
}
