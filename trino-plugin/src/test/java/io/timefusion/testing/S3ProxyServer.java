package io.timefusion.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * One S3 account for tests: an s3proxy child process on 127.0.0.1 with its own random credentials, storing objects
 * as plain files under a temporary directory it owns, so tests can see exactly what was written.
 * Two servers model two customers: each refuses the other's keys.
 * <p>
 * s3proxy runs in its own JVM because its jar-with-dependencies bundles unshaded Guava, Jackson and logback that
 * would clash with Trino's on the test classpath.
 */
public final class S3ProxyServer
        implements AutoCloseable
{
    /** Set by the trino-plugin pom: the jar its dependency plugin copies at generate-test-resources. */
    public static final String JAR_PROPERTY = "timefusion.s3proxy.jar";

    private static final String HOST = "127.0.0.1";
    private static final String REGION = "us-east-1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path workDirectory;
    private final Path dataDirectory;
    private final Path logFile;
    private final int port;
    private final String accessKey;
    private final String secretKey;
    private volatile ProcessTree process;

    private S3ProxyServer(Path workDirectory, int port, String accessKey, String secretKey)
            throws IOException
    {
        this.workDirectory = workDirectory;
        this.dataDirectory = Files.createDirectory(workDirectory.resolve("data"));
        this.logFile = workDirectory.resolve("s3proxy.log");
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.process = startProcess(writeProperties());
    }

    private ProcessTree startProcess(Path properties)
            throws IOException
    {
        return ProcessTree.start(new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small heap, one GC thread: a test may run several accounts beside a Trino query runner on two cores
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-jar", s3proxyJar().toString(),
                "--properties", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())));
    }

    /** Starts a server and returns once it accepts connections. */
    public static S3ProxyServer start()
            throws IOException
    {
        Path workDirectory = Files.createTempDirectory("timefusion-s3proxy-");
        S3ProxyServer server;
        try {
            server = new S3ProxyServer(workDirectory, freePort(), randomKey(20), randomKey(40));
        }
        catch (IOException | RuntimeException e) {
            deleteRecursively(workDirectory);
            throw e;
        }
        try {
            server.awaitPort();
        }
        catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public String endpoint()
    {
        return "http://" + HOST + ":" + port;
    }

    public String accessKey()
    {
        return accessKey;
    }

    public String secretKey()
    {
        return secretKey;
    }

    public String region()
    {
        return REGION;
    }

    /** A client of this server signing with this server's own credentials; the caller closes it. */
    public S3Client newClient()
    {
        return newClient(accessKey, secretKey);
    }

    /** A client of this server signing with the given credentials, e.g. another account's; the caller closes it. */
    public S3Client newClient(String accessKey, String secretKey)
    {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.of(REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    public void createBucket(String bucket)
    {
        try (S3Client s3 = newClient()) {
            s3.createBucket(request -> request.bucket(bucket));
        }
    }

    /** Where the filesystem backend keeps the bucket: object key {@code a/b/c} is the file {@code a/b/c} below it. */
    public Path bucketDirectory(String bucket)
    {
        return dataDirectory.resolve(bucket);
    }

    /** The bucket's object keys, sorted, read from disk rather than through S3. */
    public List<String> listObjectKeys(String bucket)
    {
        Path bucketDirectory = bucketDirectory(bucket);
        try (Stream<Path> files = Files.walk(bucketDirectory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> bucketDirectory.relativize(file).toString().replace(bucketDirectory.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends s3proxy and any process it started, and waits until they are gone; the data stays on disk. */
    public void stop()
    {
        process.destroy();
    }

    /**
     * Starts s3proxy again after {@link #stop}, on the same port with the same credentials and data, and returns once
     * it accepts connections: S3 coming back after an outage.
     */
    public void restart()
            throws IOException
    {
        stop();
        process = startProcess(workDirectory.resolve("s3proxy.properties"));
        awaitPort();
    }

    /** Stops the server and deletes its data, configuration and log. */
    @Override
    public void close()
    {
        stop();
        deleteRecursively(workDirectory);
    }

    @Override
    public String toString()
    {
        // never the secret key: test reports and logs end up in CI artifacts
        return "S3ProxyServer[" + endpoint() + ", accessKey=" + accessKey + ", data=" + dataDirectory + "]";
    }

    ProcessHandle processHandle()
    {
        return process.root();
    }

    private Path writeProperties()
            throws IOException
    {
        Properties properties = new Properties();
        properties.setProperty("s3proxy.endpoint", endpoint());
        properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        properties.setProperty("s3proxy.identity", accessKey);
        properties.setProperty("s3proxy.credential", secretKey);
        // Trino's S3 listing sends x-amz-optional-object-attributes, which s3proxy otherwise answers with 501
        properties.setProperty("s3proxy.ignore-unknown-headers", "true");
        properties.setProperty("jclouds.provider", "filesystem");
        properties.setProperty("jclouds.filesystem.basedir", dataDirectory.toString());
        Path file = workDirectory.resolve("s3proxy.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, null);
        }
        return file;
    }

    private void awaitPort()
    {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (!portAnswers()) {
            if (!process.root().isAlive()) {
                throw new IllegalStateException("s3proxy exited before answering on " + endpoint() + logExcerpt());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("s3proxy did not answer on " + endpoint() + " within " + STARTUP_TIMEOUT.toSeconds() + " s" + logExcerpt());
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for s3proxy", e);
            }
        }
    }

    private boolean portAnswers()
    {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), (int) POLL_INTERVAL.toMillis());
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    private String logExcerpt()
    {
        try {
            return "\n--- " + logFile + " ---\n" + Files.readString(logFile);
        }
        catch (IOException e) {
            return "\n(no s3proxy log: " + e + ")";
        }
    }

    private static Path s3proxyJar()
    {
        String jar = requireNonNull(System.getProperty(JAR_PROPERTY), () -> "system property " + JAR_PROPERTY + " is not set; run the tests through Maven (generate-test-resources copies s3proxy.jar)");
        Path path = Path.of(jar);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(JAR_PROPERTY + " points to a missing file: " + path);
        }
        return path;
    }

    private static int freePort()
            throws IOException
    {
        // the port may be taken again before s3proxy binds it; then s3proxy exits and start() reports its log
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static String randomKey(int length)
    {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder key = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            key.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    private static void deleteRecursively(Path directory)
    {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
