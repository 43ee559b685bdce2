package io.timefusion.trino.storage;

import static java.util.Objects.requireNonNull;

/**
 * Where and as whom to reach one S3 account. Two tables with equal credentials share one filesystem factory.
 */
public record S3Credentials(String endpoint, String region, String accessKey, String secretKey, boolean pathStyleAccess)
{
    public S3Credentials
    {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(region, "region is null");
    }

    /** Never prints the secret: records otherwise put every component into toString. */
    @Override
    public String toString()
    {
        return "S3Credentials[endpoint=%s, region=%s, accessKey=%s, pathStyleAccess=%s]".formatted(endpoint, region, accessKey, pathStyleAccess);
    }
}
