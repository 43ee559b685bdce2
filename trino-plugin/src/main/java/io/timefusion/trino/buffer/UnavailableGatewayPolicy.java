package io.timefusion.trino.buffer;

/**
 * What a query does when a live gateway cannot be reached (connection refused, timeout, HTTP 5xx): fail, naming the
 * gateway, or skip it and answer from the files and the other gateways, missing the rows only that gateway holds.
 */
public enum UnavailableGatewayPolicy
{
    FAIL,
    SKIP
}
