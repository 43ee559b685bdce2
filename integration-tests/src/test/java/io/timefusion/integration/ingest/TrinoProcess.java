package io.timefusion.integration.ingest;

import io.timefusion.testing.TimeFusionQueryRunner;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Trino with the timefusion connector (local storage) as a process of its own, for tests that kill it with SIGKILL and
 * start it again on the same port and data: what an in-process query runner cannot do.
 */
final class TrinoProcess
        implements AutoCloseable
{
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path dataDirectory;
    private final int port;
    private final Path log;
    private Process process;

    private TrinoProcess(Path dataDirectory, int port, Path log)
    {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.log = log;
    }

    static TrinoProcess start(Path dataDirectory)
            throws Exception
    {
        TrinoProcess trino = new TrinoProcess(dataDirectory, freePort(), Files.createTempFile("trino-", ".log"));
        trino.restart();
        return trino;
    }

    String url()
    {
        return "http://127.0.0.1:" + port;
    }

    /** Starts Trino (again) and returns once it answers a query. */
    void restart()
            throws Exception
    {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx1g", "-XX:+UnlockDiagnosticVMOptions", "-XX:+EnableDynamicAgentLoading", "--add-modules=jdk.incubator.vector",
                "-Djdk.attach.allowAttachSelf=true", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-Duser.timezone=UTC",
                "-cp", System.getProperty("java.class.path"), TimeFusionQueryRunner.class.getName(), dataDirectory.toString(), Integer.toString(port)));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answersQueries()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Trino did not start (alive: %s); its log:%n%s".formatted(process.isAlive(), Files.readString(log)));
            }
            Thread.sleep(500);
        }
    }

    /** kill -9: no shutdown hook runs. */
    void kill()
            throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor();
    }

    Connection connect()
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", "test");
        return DriverManager.getConnection("jdbc:trino://127.0.0.1:%d/timefusion/public".formatted(port), properties);
    }

    private boolean answersQueries()
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM otel_logs_and_spans WHERE false").close();
            return true;
        }
        catch (SQLException e) {
            return false;
        }
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close()
            throws IOException, InterruptedException
    {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }
}
