package io.timefusion.trino.storage;

import com.google.inject.Inject;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.trino.filesystem.Location;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where the default table lives: {@code s3://{bucket}/{prefix}/otel_logs_and_spans/} with the configured
 * credentials, or the same layout under the local data directory when no bucket is configured (docs/storage.md).
 */
public class DefaultTableStorage
        implements Supplier<TableStorage>
{
    private final TableStorage storage;

    @Inject
    public DefaultTableStorage(TimeFusionConfig config)
    {
        this.storage = config.getS3Bucket()
                .map(bucket -> s3Storage(config, bucket))
                .orElseGet(() -> localStorage(config));
    }

    private static TableStorage s3Storage(TimeFusionConfig config, String bucket)
    {
        S3Credentials credentials = new S3Credentials(
                config.getS3Endpoint(),
                config.getS3Region(),
                config.getS3AccessKey().orElse(null),
                config.getS3SecretKey().orElse(null),
                config.isS3PathStyleAccess());
        Location root = withPrefix(Location.of("s3://" + bucket + "/"), config.getTablePrefix());
        return new TableStorage(root.appendPath(OtelLogsAndSpansTable.TABLE), new StorageBackend.S3(credentials));
    }

    private static TableStorage localStorage(TimeFusionConfig config)
    {
        Path root = Path.of(config.getDataDirectory());
        Location location = withPrefix(Location.of("local:///"), config.getTablePrefix());
        return new TableStorage(location.appendPath(OtelLogsAndSpansTable.TABLE), new StorageBackend.Local(root));
    }

    /** {@code root} with the segments of a path prefix appended, empty segments skipped. */
    public static Location withPrefix(Location root, String prefix)
    {
        Location location = root;
        for (String segment : prefix.split("/")) {
            if (!segment.isEmpty()) {
                location = location.appendPath(segment);
            }
        }
        return location;
    }

    @Override
    public TableStorage get()
    {
        return storage;
    }
}
