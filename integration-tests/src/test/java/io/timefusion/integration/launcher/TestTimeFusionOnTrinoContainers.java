package io.timefusion.integration.launcher;

import com.google.inject.Injector;
import io.airlift.bootstrap.LifeCycleManager;
import io.timefusion.gateway.GatewayMain;
import io.timefusion.gateway.server.PgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deployment into an existing Trino cluster (issue #6, README "Deploy"): the official {@code trinodb/trino:476} image with
 * our plugin directory mounted as {@code plugin/timefusion} and a catalog file like {@code etc/catalog/timefusion.properties},
 * MinIO as the bucket, and the gateway in front with {@code TRINO_URL} pointing at the container. Needs a Docker engine:
 * without one every test here is reported as skipped, with the reason.
 * <p>
 * The plugin is compiled for Java 25 while the 476 image ships an older JDK, so the container runs Trino on the JDK of
 * this test JVM, mounted read-only (same architecture as the Docker host assumed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestTimeFusionOnTrinoContainers
{
    private static final DockerImageName TRINO_IMAGE = DockerImageName.parse("trinodb/trino:476");
    // the MinIO release Trino 476's own tests use (io.trino.testing.containers.Minio)
    private static final DockerImageName MINIO_IMAGE = DockerImageName.parse("minio/minio:RELEASE.2024-12-18T13-15-44Z");
    private static final String BUCKET = "timefusion-containers";
    private static final String ACCESS_KEY = "timefusion";
    private static final String SECRET_KEY = "timefusion-secret";
    private static final String PASSWORD = "containers-test-password";

    private Network network;
    private GenericContainer<?> minio;
    private GenericContainer<?> trino;
    private Injector gateway;

    private static final String NO_DOCKER = "no Docker engine on this machine: the Testcontainers suite (trinodb/trino:476 + MinIO) "
            + "runs where Docker is available; the s3proxy suite covers the same scenarios without Docker";

    private boolean docker;

    @BeforeAll
    void start()
            throws Exception
    {
        // checked here, asserted in @BeforeEach: an assumption failing in @BeforeAll makes surefire report no test at all
        docker = dockerAvailable();
        if (!docker) {
            return;
        }

        Path pluginDirectory = pluginDirectory();
        network = Network.newNetwork();
        minio = new GenericContainer<>(MINIO_IMAGE)
                .withNetwork(network)
                .withNetworkAliases("minio")
                .withEnv("MINIO_ROOT_USER", ACCESS_KEY)
                .withEnv("MINIO_ROOT_PASSWORD", SECRET_KEY)
                .withCommand("server", "/data")
                .withExposedPorts(9000)
                .waitingFor(Wait.forHttp("/minio/health/ready").forPort(9000));
        minio.start();
        try (S3Client s3 = s3Client()) {
            s3.createBucket(request -> request.bucket(BUCKET));
        }

        String catalog = """
                connector.name=timefusion
                timefusion.s3.bucket=%s
                timefusion.s3.endpoint=http://minio:9000
                timefusion.s3.access-key=%s
                timefusion.s3.secret-key=%s
                timefusion.s3.region=us-east-1
                timefusion.s3.path-style-access=true
                """.formatted(BUCKET, ACCESS_KEY, SECRET_KEY);
        String javaHome = System.getProperty("java.home");
        trino = new GenericContainer<>(TRINO_IMAGE)
                .withNetwork(network)
                .withNetworkAliases("trino")
                .withFileSystemBind(pluginDirectory.toString(), "/usr/lib/trino/plugin/timefusion", BindMode.READ_ONLY)
                .withFileSystemBind(javaHome, "/opt/jdk25", BindMode.READ_ONLY)
                .withEnv("JAVA_HOME", "/opt/jdk25")
                .withEnv("PATH", "/opt/jdk25/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .withCopyToContainer(Transferable.of(catalog), "/etc/trino/catalog/timefusion.properties")
                .withExposedPorts(8080)
                .waitingFor(Wait.forLogMessage(".*======== SERVER STARTED ========.*", 1).withStartupTimeout(Duration.ofMinutes(3)));
        trino.start();
        String trinoUrl = "http://%s:%d".formatted(trino.getHost(), trino.getMappedPort(8080));

        gateway = GatewayMain.start(Map.of(
                "node.environment", "test",
                "http-server.http.port", "0",
                "node.bind-ip", "127.0.0.1",
                "pgwire.port", "0",
                "pgwire.bind-address", "127.0.0.1",
                "pgwire.password", PASSWORD,
                "trino.url", trinoUrl));
        awaitFirstQuery(Duration.ofSeconds(60));
    }

    @BeforeEach
    void requireDocker()
    {
        assumeTrue(docker, NO_DOCKER);
    }

    @AfterAll
    void stop()
    {
        try {
            if (gateway != null) {
                gateway.getInstance(LifeCycleManager.class).stop();
            }
        }
        finally {
            Stream.of(trino, minio).filter(container -> container != null).forEach(GenericContainer::stop);
            if (network != null) {
                network.close();
            }
        }
    }

    @Test
    void insertAndSelectThroughTheGatewayStoreDeltaTablesInTheBucket()
            throws Exception
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("""
                    INSERT INTO otel_logs_and_spans (name, id, project_id, hashes, timestamp, date)
                    VALUES ('GET /users', 'span-1', 'containers', ARRAY[], TIMESTAMP '2025-03-01 12:00:00.123456 UTC', DATE '2025-03-01')""")).isEqualTo(1);
            try (ResultSet rows = statement.executeQuery("SELECT name, id, project_id FROM otel_logs_and_spans WHERE project_id = 'containers'")) {
                assertThat(rows.next()).isTrue();
                assertThat(List.of(rows.getString(1), rows.getString(2), rows.getString(3))).containsExactly("GET /users", "span-1", "containers");
                assertThat(rows.next()).isFalse();
            }
        }
        try (S3Client s3 = s3Client()) {
            List<String> keys = s3.listObjectsV2Paginator(request -> request.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
            assertThat(keys).anyMatch(key -> key.contains("_delta_log/") && key.endsWith(".json"));
            assertThat(keys).anyMatch(key -> key.endsWith(".parquet"));
        }
    }

    private void awaitFirstQuery(Duration timeout)
            throws InterruptedException
    {
        // Trino answers "No nodes available to run query" for a few seconds after SERVER STARTED
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection connection = connect(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
                while (rows.next()) {
                    // drain
                }
                return;
            }
            catch (SQLException e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("no query succeeded through the gateway within %s; Trino log:%n%s".formatted(timeout, trino.getLogs()), last);
    }

    private Connection connect()
            throws SQLException
    {
        int port = gateway.getInstance(PgServer.class).port();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%d/timefusion".formatted(port), "postgres", PASSWORD);
    }

    private S3Client s3Client()
    {
        return S3Client.builder()
                .endpointOverride(URI.create("http://%s:%d".formatted(minio.getHost(), minio.getMappedPort(9000))))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .build();
    }

    private static Path pluginDirectory()
            throws IOException
    {
        Path target = Path.of("").toAbsolutePath().getParent().resolve("trino-plugin/target");
        try (Stream<Path> children = Files.list(target)) {
            return children.filter(Files::isDirectory)
                    .filter(path -> path.getFileName().toString().startsWith("timefusion-trino-plugin-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no plugin directory timefusion-trino-plugin-<version>/ in " + target + ": build trino-plugin first"));
        }
    }

    private static boolean dockerAvailable()
    {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException e) {
            return false;
        }
    }
}
