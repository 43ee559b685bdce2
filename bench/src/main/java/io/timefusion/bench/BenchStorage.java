package io.timefusion.bench;

import io.timefusion.testing.S3ProxyServer;
import io.timefusion.testing.TimeFusionQueryRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where each timefusion catalog of the benchmark keeps its table: a directory of a fresh temporary directory, or a
 * bucket of an s3proxy child process. Either way the files are on local disk, so the report can count them.
 */
sealed interface BenchStorage
        extends AutoCloseable
{
    /** Layout of docs/storage.md: {prefix}/otel_logs_and_spans below the data directory or bucket. */
    Path TABLE_PATH = Path.of("timefusion", "otel_logs_and_spans");

    /** Connector properties of a catalog with its own, empty table. */
    Map<String, String> catalogProperties(String catalog);

    /** The on-disk directory holding the catalog's otel_logs_and_spans (Parquet files and _delta_log). */
    Path tableDirectory(String catalog);

    String description();

    @Override
    void close();

    static BenchStorage local()
            throws IOException
    {
        return new Local(Files.createTempDirectory("timefusion-bench-"));
    }

    static BenchStorage s3()
            throws IOException
    {
        return new S3(S3ProxyServer.start());
    }

    record Local(Path root)
            implements BenchStorage
    {
        @Override
        public Map<String, String> catalogProperties(String catalog)
        {
            // the connector requires its data directory to exist
            try {
                return TimeFusionQueryRunner.localProperties(Files.createDirectory(root.resolve(catalog)));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Path tableDirectory(String catalog)
        {
            return root.resolve(catalog).resolve(TABLE_PATH);
        }

        @Override
        public String description()
        {
            return "local disk (" + root + ")";
        }

        @Override
        public void close()
        {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    record S3(S3ProxyServer server)
            implements BenchStorage
    {
        @Override
        public Map<String, String> catalogProperties(String catalog)
        {
            server.createBucket(bucket(catalog));
            return TimeFusionQueryRunner.s3Properties(server, bucket(catalog));
        }

        @Override
        public Path tableDirectory(String catalog)
        {
            return server.bucketDirectory(bucket(catalog)).resolve(TABLE_PATH);
        }

        @Override
        public String description()
        {
            return "S3 API of s3proxy (filesystem backend, child process on 127.0.0.1)";
        }

        @Override
        public void close()
        {
            server.close();
        }

        /** Bucket names allow no underscores; catalog names allow no hyphens. */
        private static String bucket(String catalog)
        {
            return catalog.replace('_', '-');
        }
    }
}
