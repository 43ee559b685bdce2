package io.timefusion.trino.storage;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.cache.RemovalNotification;
import com.google.inject.Inject;
import io.airlift.units.Duration;
import io.opentelemetry.api.OpenTelemetry;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;
import io.trino.filesystem.local.LocalFileSystemFactory;
import io.trino.filesystem.s3.S3FileSystemConfig;
import io.trino.filesystem.s3.S3FileSystemFactory;
import io.trino.filesystem.s3.S3FileSystemStats;
import io.trino.spi.security.ConnectorIdentity;
import jakarta.annotation.PreDestroy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Hands out filesystems for storage backends: one S3 filesystem factory per distinct credentials (each owns an
 * S3 client and upload threads), kept while used and destroyed when evicted or when the connector shuts down.
 */
public class FileSystems
{
    private static final ConnectorIdentity IDENTITY = ConnectorIdentity.ofUser("timefusion");

    private final OpenTelemetry openTelemetry;
    private final LoadingCache<S3Credentials, S3FileSystemFactory> s3Factories;

    @Inject
    public FileSystems(OpenTelemetry openTelemetry)
    {
        this.openTelemetry = requireNonNull(openTelemetry, "openTelemetry is null");
        this.s3Factories = CacheBuilder.newBuilder()
                .expireAfterAccess(30, TimeUnit.MINUTES)
                .removalListener((RemovalNotification<S3Credentials, S3FileSystemFactory> removed) -> removed.getValue().destroy())
                .build(CacheLoader.from(this::createS3Factory));
    }

    public TrinoFileSystem fileSystem(StorageBackend backend)
    {
        return switch (backend) {
            case StorageBackend.Local local -> new LocalFileSystemFactory(local.root()).create(IDENTITY);
            case StorageBackend.S3 s3 -> s3Factories.getUnchecked(s3.credentials()).create(IDENTITY);
        };
    }

    /**
     * Writes a whole file only if nothing exists at the location, atomically: readers never see a partial file
     * and of two racing writers exactly one wins. S3 does it with a conditional PUT (If-None-Match: *); the
     * local filesystem of Trino has no such call, so a complete temporary file is hard-linked into place.
     *
     * @throws FileAlreadyExistsException if the location is taken
     */
    public void createExclusive(StorageBackend backend, Location location, byte[] content)
            throws IOException
    {
        switch (backend) {
            case StorageBackend.Local local -> createExclusiveLocally(local.root(), location, content);
            case StorageBackend.S3 _ -> fileSystem(backend).newOutputFile(location).createExclusive(content);
        }
    }

    private static void createExclusiveLocally(Path root, Location location, byte[] content)
            throws IOException
    {
        Path target = root.resolve(location.path());
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".tmp-", ".json");
        try {
            Files.write(temporary, content);
            Files.createLink(target, temporary);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Replaces a whole file so that readers see either the old or the new content, never a mix. */
    public void overwrite(StorageBackend backend, Location location, byte[] content)
            throws IOException
    {
        switch (backend) {
            case StorageBackend.Local local -> overwriteLocally(local.root(), location, content);
            // a PUT is atomic on S3
            case StorageBackend.S3 _ -> fileSystem(backend).newOutputFile(location).createOrOverwrite(content);
        }
    }

    private static void overwriteLocally(Path root, Location location, byte[] content)
            throws IOException
    {
        Path target = root.resolve(location.path());
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    private S3FileSystemFactory createS3Factory(S3Credentials credentials)
    {
        S3FileSystemConfig config = new S3FileSystemConfig()
                .setEndpoint(credentials.endpoint())
                .setRegion(credentials.region())
                .setPathStyleAccess(credentials.pathStyleAccess())
                .setAwsAccessKey(credentials.accessKey())
                .setAwsSecretKey(credentials.secretKey())
                .setSocketConnectTimeout(new Duration(10, TimeUnit.SECONDS))
                .setSocketReadTimeout(new Duration(60, TimeUnit.SECONDS));
        return new S3FileSystemFactory(openTelemetry, config, new S3FileSystemStats());
    }

    @PreDestroy
    public void close()
    {
        s3Factories.invalidateAll();
        s3Factories.cleanUp();
    }
}
