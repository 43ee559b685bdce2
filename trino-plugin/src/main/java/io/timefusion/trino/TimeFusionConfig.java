package io.timefusion.trino;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.configuration.ConfigSecuritySensitive;
import io.airlift.units.DataSize;
import io.airlift.units.Duration;
import io.airlift.units.MinDataSize;
import io.airlift.units.MaxDuration;
import io.airlift.units.MinDuration;
import io.timefusion.trino.buffer.UnavailableGatewayPolicy;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.airlift.units.DataSize.Unit.MEGABYTE;
import static io.timefusion.contract.AdminCredentials.ADMIN_SECRET_CREDENTIAL;
import static io.timefusion.contract.AdminCredentials.DEFAULT_ADMIN_USER;

/**
 * Catalog properties of the timefusion connector. They mirror the environment variables of docs/configuration.md;
 * etc/catalog/timefusion.properties maps one onto the other with ${ENV:…}.
 */
public class TimeFusionConfig
{
    private String dataDirectory = "./data";
    private String tablePrefix = "timefusion";
    private String s3Bucket;
    private String s3Endpoint = "https://s3.amazonaws.com";
    private String s3AccessKey;
    private String s3SecretKey;
    private String s3Region = "us-east-1";
    private boolean s3PathStyleAccess;
    private DataSize targetFileSize = DataSize.of(128, MEGABYTE);
    private DataSize splitGroupSize = DataSize.of(64, MEGABYTE);
    private DataSize maxSplitSize = DataSize.of(64, MEGABYTE);
    private DataSize writerBufferSize = DataSize.of(512, MEGABYTE);
    private int checkpointInterval = 10;
    private String secretsKey;
    private Duration projectsRefreshInterval = new Duration(5, TimeUnit.SECONDS);
    private Duration gatewayExpiry = new Duration(30, TimeUnit.SECONDS);
    private UnavailableGatewayPolicy unavailableGateway = UnavailableGatewayPolicy.FAIL;
    private Duration bufferFetchTimeout = new Duration(10, TimeUnit.SECONDS);
    private String adminUser = DEFAULT_ADMIN_USER;
    private String adminSecret;
    private Duration logRetention = new Duration(7, TimeUnit.DAYS);
    private Duration snapshotFreshness = new Duration(1, TimeUnit.SECONDS);
    private Duration vacuumMinRetention = new Duration(7, TimeUnit.DAYS);
    private DataSize optimizeFileSizeThreshold = DataSize.of(100, MEGABYTE);
    private DataSize optimizeSortBufferSize = DataSize.of(256, MEGABYTE);
    private String optimizeSpillPath = System.getProperty("java.io.tmpdir");

    @NotNull
    public String getDataDirectory()
    {
        return dataDirectory;
    }

    @Config("timefusion.data-dir")
    @ConfigDescription("Local directory holding the Delta tables when no S3 bucket is configured")
    public TimeFusionConfig setDataDirectory(String dataDirectory)
    {
        this.dataDirectory = dataDirectory;
        return this;
    }

    @NotNull
    @Pattern(regexp = "[A-Za-z0-9._\\-/]*", message = "may contain letters, digits, '.', '_', '-' and '/'")
    public String getTablePrefix()
    {
        return tablePrefix;
    }

    @Config("timefusion.table-prefix")
    @ConfigDescription("Path prefix of the Delta tables inside the bucket or data directory")
    public TimeFusionConfig setTablePrefix(String tablePrefix)
    {
        this.tablePrefix = tablePrefix;
        return this;
    }

    public Optional<String> getS3Bucket()
    {
        return Optional.ofNullable(s3Bucket).filter(bucket -> !bucket.isBlank());
    }

    @Config("timefusion.s3.bucket")
    @ConfigDescription("Default bucket; unset means local storage under timefusion.data-dir")
    public TimeFusionConfig setS3Bucket(String s3Bucket)
    {
        this.s3Bucket = s3Bucket;
        return this;
    }

    @NotNull
    public String getS3Endpoint()
    {
        return s3Endpoint;
    }

    @Config("timefusion.s3.endpoint")
    public TimeFusionConfig setS3Endpoint(String s3Endpoint)
    {
        this.s3Endpoint = s3Endpoint;
        return this;
    }

    public Optional<String> getS3AccessKey()
    {
        return Optional.ofNullable(s3AccessKey).filter(key -> !key.isBlank());
    }

    @Config("timefusion.s3.access-key")
    public TimeFusionConfig setS3AccessKey(String s3AccessKey)
    {
        this.s3AccessKey = s3AccessKey;
        return this;
    }

    public Optional<String> getS3SecretKey()
    {
        return Optional.ofNullable(s3SecretKey).filter(key -> !key.isBlank());
    }

    @Config("timefusion.s3.secret-key")
    @ConfigSecuritySensitive
    public TimeFusionConfig setS3SecretKey(String s3SecretKey)
    {
        this.s3SecretKey = s3SecretKey;
        return this;
    }

    @NotNull
    public String getS3Region()
    {
        return s3Region;
    }

    @Config("timefusion.s3.region")
    public TimeFusionConfig setS3Region(String s3Region)
    {
        this.s3Region = s3Region;
        return this;
    }

    public boolean isS3PathStyleAccess()
    {
        return s3PathStyleAccess;
    }

    @Config("timefusion.s3.path-style-access")
    @ConfigDescription("Path-style addressing (MinIO, s3proxy)")
    public TimeFusionConfig setS3PathStyleAccess(boolean s3PathStyleAccess)
    {
        this.s3PathStyleAccess = s3PathStyleAccess;
        return this;
    }

    @MinDataSize("1kB")
    public DataSize getTargetFileSize()
    {
        return targetFileSize;
    }

    @Config("timefusion.target-file-size")
    @ConfigDescription("Rows of one partition are buffered up to this many bytes before they are sorted and written as one Parquet file")
    public TimeFusionConfig setTargetFileSize(DataSize targetFileSize)
    {
        this.targetFileSize = targetFileSize;
        return this;
    }

    @NotNull
    @MinDataSize("1kB")
    public DataSize getSplitGroupSize()
    {
        return splitGroupSize;
    }

    @Config("timefusion.split-group-size")
    @ConfigDescription("A scan of many data files reads them in groups of about this many bytes per split, but in at least two groups per worker processor")
    public TimeFusionConfig setSplitGroupSize(DataSize splitGroupSize)
    {
        this.splitGroupSize = splitGroupSize;
        return this;
    }

    @NotNull
    @MinDataSize("1kB")
    public DataSize getMaxSplitSize()
    {
        return maxSplitSize;
    }

    @Config("timefusion.max-split-size")
    @ConfigDescription("A data file larger than this is read in splits of at most this many bytes, each reading the row groups that start in its range")
    public TimeFusionConfig setMaxSplitSize(DataSize maxSplitSize)
    {
        this.maxSplitSize = maxSplitSize;
        return this;
    }

    @MinDataSize("1kB")
    public DataSize getWriterBufferSize()
    {
        return writerBufferSize;
    }

    @Config("timefusion.writer-buffer-size")
    @ConfigDescription("Bytes one page sink buffers over all partitions before it writes its largest partition early")
    public TimeFusionConfig setWriterBufferSize(DataSize writerBufferSize)
    {
        this.writerBufferSize = writerBufferSize;
        return this;
    }

    public Optional<String> getSecretsKey()
    {
        return Optional.ofNullable(secretsKey).filter(key -> !key.isBlank());
    }

    @Config("timefusion.secrets-key")
    @ConfigDescription("Base64 of 32 bytes: the AES-256-GCM key that encrypts project secrets and gateway tokens at rest (TIMEFUSION_SECRETS_KEY)")
    @ConfigSecuritySensitive
    public TimeFusionConfig setSecretsKey(String secretsKey)
    {
        this.secretsKey = secretsKey;
        return this;
    }

    @NotNull
    public Duration getProjectsRefreshInterval()
    {
        return projectsRefreshInterval;
    }

    @Config("timefusion.projects-refresh-interval")
    @ConfigDescription("How old the lists of registered projects and announced gateways a node uses may be; the node that runs the procedure sees the change at once")
    public TimeFusionConfig setProjectsRefreshInterval(Duration projectsRefreshInterval)
    {
        this.projectsRefreshInterval = projectsRefreshInterval;
        return this;
    }

    @NotNull
    @MinDuration("1ms")
    public Duration getGatewayExpiry()
    {
        return gatewayExpiry;
    }

    @Config("timefusion.buffer.gateway-expiry")
    @ConfigDescription("A gateway whose last heartbeat is older than this is not asked for its buffered rows")
    public TimeFusionConfig setGatewayExpiry(Duration gatewayExpiry)
    {
        this.gatewayExpiry = gatewayExpiry;
        return this;
    }

    @NotNull
    public UnavailableGatewayPolicy getUnavailableGateway()
    {
        return unavailableGateway;
    }

    @Config("timefusion.buffer.unavailable-gateway")
    @ConfigDescription("fail: a query fails when a live gateway cannot be reached; skip: it answers without that gateway's buffered rows (logged as a warning)")
    public TimeFusionConfig setUnavailableGateway(UnavailableGatewayPolicy unavailableGateway)
    {
        this.unavailableGateway = unavailableGateway;
        return this;
    }

    @NotNull
    @MinDuration("1ms")
    public Duration getBufferFetchTimeout()
    {
        return bufferFetchTimeout;
    }

    @Config("timefusion.buffer.fetch-timeout")
    @ConfigDescription("Connect plus whole-response timeout of one fetch of a gateway's buffered rows")
    public TimeFusionConfig setBufferFetchTimeout(Duration bufferFetchTimeout)
    {
        this.bufferFetchTimeout = bufferFetchTimeout;
        return this;
    }

    @Min(1)
    public int getCheckpointInterval()
    {
        return checkpointInterval;
    }

    @Config("timefusion.checkpoint-interval")
    @ConfigDescription("A Parquet checkpoint of the Delta log is written every this many commits")
    public TimeFusionConfig setCheckpointInterval(int checkpointInterval)
    {
        this.checkpointInterval = checkpointInterval;
        return this;
    }

    @NotNull
    @Pattern(regexp = "\\S+", message = "must be a user name without spaces")
    public String getAdminUser()
    {
        return adminUser;
    }

    @Config("timefusion.admin-user")
    @ConfigDescription("The only Trino user that may run the connector's procedures and read system.projects")
    public TimeFusionConfig setAdminUser(String adminUser)
    {
        this.adminUser = adminUser;
        return this;
    }

    // it travels in a JDBC extraCredentials list ("name:value;…") and as a CLI --extra-credential name=value
    public Optional<@Pattern(regexp = "[A-Za-z0-9._~+/=-]{16,}", message = "must be at least 16 characters of letters, digits and . _ ~ + / = -") String> getAdminSecret()
    {
        return Optional.ofNullable(adminSecret);
    }

    @Config("timefusion.admin-secret")
    @ConfigDescription("When set, the admin user must also present it as the extra credential " + ADMIN_SECRET_CREDENTIAL + "; needed wherever Trino does not authenticate users")
    @ConfigSecuritySensitive
    public TimeFusionConfig setAdminSecret(String adminSecret)
    {
        this.adminSecret = adminSecret == null || adminSecret.isBlank() ? null : adminSecret;
        return this;
    }

    @MinDuration("1ms")
    public Duration getLogRetention()
    {
        return logRetention;
    }

    @Config("timefusion.log-retention")
    @ConfigDescription("Delta's logRetentionDuration: commits and checkpoints older than this that precede a checkpoint are deleted by cleanup_log, and checkpoints keep remove tombstones this long")
    public TimeFusionConfig setLogRetention(Duration logRetention)
    {
        this.logRetention = logRetention;
        return this;
    }

    @NotNull
    @MinDuration("0s")
    @MaxDuration("1m")
    public Duration getSnapshotFreshness()
    {
        return snapshotFreshness;
    }

    @Config("timefusion.snapshot-freshness")
    @ConfigDescription("A query reads a table's cached snapshot without asking storage for newer commits when it was checked this recently and nothing was committed through this coordinator since; commits by other clusters show after at most this long (0s: check on every query)")
    public TimeFusionConfig setSnapshotFreshness(Duration snapshotFreshness)
    {
        this.snapshotFreshness = snapshotFreshness;
        return this;
    }

    @NotNull
    @MinDuration("0s")
    public Duration getVacuumMinRetention()
    {
        return vacuumMinRetention;
    }

    @Config("timefusion.vacuum.min-retention")
    @ConfigDescription("The shortest retention CALL system.vacuum accepts: files removed or orphaned more recently are always kept")
    public TimeFusionConfig setVacuumMinRetention(Duration vacuumMinRetention)
    {
        this.vacuumMinRetention = vacuumMinRetention;
        return this;
    }

    /** A vacuum with the minimum retention must find the tombstone of every file removed within it in the checkpoints. */
    @AssertTrue(message = "timefusion.log-retention must be at least timefusion.vacuum.min-retention: checkpoints keep remove tombstones only for the log retention")
    public boolean isLogRetentionAtLeastVacuumMinRetention()
    {
        return logRetention == null || vacuumMinRetention == null || logRetention.compareTo(vacuumMinRetention) >= 0;
    }

    @NotNull
    @MinDataSize("1B")
    public DataSize getOptimizeFileSizeThreshold()
    {
        return optimizeFileSizeThreshold;
    }

    @Config("timefusion.optimize.file-size-threshold")
    @ConfigDescription("Default of OPTIMIZE's file_size_threshold: files smaller than this (and unsorted files) are rewritten")
    public TimeFusionConfig setOptimizeFileSizeThreshold(DataSize optimizeFileSizeThreshold)
    {
        this.optimizeFileSizeThreshold = optimizeFileSizeThreshold;
        return this;
    }

    @NotNull
    @MinDataSize("1MB")
    public DataSize getOptimizeSortBufferSize()
    {
        return optimizeSortBufferSize;
    }

    @Config("timefusion.optimize.sort-buffer-size")
    @ConfigDescription("Rows one OPTIMIZE task sorts in memory; a larger partition is sorted in runs spilled to timefusion.optimize.spill-path and merged")
    public TimeFusionConfig setOptimizeSortBufferSize(DataSize optimizeSortBufferSize)
    {
        this.optimizeSortBufferSize = optimizeSortBufferSize;
        return this;
    }

    @NotNull
    public String getOptimizeSpillPath()
    {
        return optimizeSpillPath;
    }

    @Config("timefusion.optimize.spill-path")
    @ConfigDescription("Local directory of each worker where OPTIMIZE spills sorted runs of partitions larger than its sort buffer")
    public TimeFusionConfig setOptimizeSpillPath(String optimizeSpillPath)
    {
        this.optimizeSpillPath = optimizeSpillPath;
        return this;
    }
}
