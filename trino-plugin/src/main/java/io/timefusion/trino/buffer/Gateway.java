package io.timefusion.trino.buffer;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * A gateway as the registry knows it: where it serves its buffered rows and when it last announced itself. Its token
 * is not part of it: only the node that fetches asks the registry for the token, and keeps it no longer than the fetch.
 */
public record Gateway(String gatewayId, String url, long heartbeatMillis, boolean retired)
{
    public Gateway
    {
        requireNonNull(gatewayId, "gatewayId is null");
        requireNonNull(url, "url is null");
    }

    /** Asked for its rows: announced, not retired, and its last heartbeat no older than the expiry. */
    public boolean isLive(long nowMillis, long expiryMillis)
    {
        return !retired && nowMillis - heartbeatMillis <= expiryMillis;
    }

    /** host:port of the URL, what errors and logs name (never the path). */
    public String authority()
    {
        return authorityOf(url);
    }

    static String authorityOf(String url)
    {
        URI uri = URI.create(url);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
