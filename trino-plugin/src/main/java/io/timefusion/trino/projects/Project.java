package io.timefusion.trino.projects;

import io.timefusion.trino.storage.S3Credentials;

import static java.util.Objects.requireNonNull;

/**
 * A customer's project with a bucket of its own: where its table lives and the credentials it is written and read
 * with. The secret is only ever held in memory; records at rest hold it encrypted.
 */
public record Project(String projectId, String bucket, String prefix, String endpoint, String region, String accessKey, String secretKey, boolean pathStyleAccess)
{
    public Project
    {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(bucket, "bucket is null");
        requireNonNull(prefix, "prefix is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(region, "region is null");
    }

    public S3Credentials credentials()
    {
        return new S3Credentials(endpoint, region, accessKey, secretKey, pathStyleAccess);
    }

    /** Never prints the secret. */
    @Override
    public String toString()
    {
        return "Project[projectId=%s, bucket=%s, prefix=%s, endpoint=%s, region=%s, accessKey=%s, pathStyleAccess=%s]"
                .formatted(projectId, bucket, prefix, endpoint, region, accessKey, pathStyleAccess);
    }
}
