package io.timefusion.trino.storage;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/** The kind of storage a table lives in: a local directory or an S3 account. */
public sealed interface StorageBackend
{
    record Local(Path root)
            implements StorageBackend
    {
        public Local
        {
            root = root.toAbsolutePath().normalize();
        }
    }

    record S3(S3Credentials credentials)
            implements StorageBackend
    {
        public S3
        {
            requireNonNull(credentials, "credentials is null");
        }
    }
}
