package io.timefusion.trino.projects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A project as stored under {@code _projects/}: the secret encrypted, and {@code registered=false} for a project
 * that was unregistered, so that queries naming it fail clearly instead of silently reading nothing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProjectRecord(
        @JsonProperty("projectId") String projectId,
        @JsonProperty("registered") boolean registered,
        @JsonProperty("bucket") String bucket,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("endpoint") String endpoint,
        @JsonProperty("region") String region,
        @JsonProperty("accessKey") String accessKey,
        @JsonProperty("encryptedSecretKey") String encryptedSecretKey,
        @JsonProperty("pathStyleAccess") boolean pathStyleAccess,
        @JsonProperty("updatedAt") long updatedAt)
{
    static ProjectRecord unregistered(String projectId, long now)
    {
        return new ProjectRecord(projectId, false, null, null, null, null, null, null, false, now);
    }
}
