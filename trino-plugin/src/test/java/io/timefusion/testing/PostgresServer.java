package io.timefusion.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (the Debian package's binaries) in a temporary directory on 127.0.0.1 and a free port:
 * the reference the acceptance corpus compares the gateway with, and the baseline the ingest benchmark measures it
 * against. Its settings make results comparable with Trino's: UTF-8 with the C collation (text sorts by code point,
 * as Trino sorts varchar) and the session time zone UTC. Postgres refuses to run as root, so as root it runs as the
 * user {@code postgres}.
 */
public final class PostgresServer
        implements AutoCloseable
{
    private static final Path DEBIAN_SERVER_ROOT = Path.of("/usr/lib/postgresql");
    private static final String SERVICE_USER = "postgres";
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    // the ingest benchmark's single-row scenario alone opens 64 connections, and a reference run may add its own
    private static final List<String> COMMON_SETTINGS = List.of(
            "listen_addresses=127.0.0.1", "timezone=UTC", "max_connections=200");
    // a reference server's data is thrown away after the run, so flushing it would only slow the tests down
    private static final List<String> UNFLUSHED_SETTINGS = List.of(
            "fsync=off", "synchronous_commit=off", "full_page_writes=off");

    private final Path bin;
    private final Path directory;
    private final Path data;
    private final int port;
    private final ProcessTree process;

    private PostgresServer(Path bin, Path directory, Path data, int port, ProcessTree process)
    {
        this.bin = bin;
        this.directory = directory;
        this.data = data;
        this.port = port;
        this.process = process;
    }

    /** A server for reference answers: nothing is flushed to disk, which is fast and loses data only on a crash. */
    public static PostgresServer start()
            throws Exception
    {
        return start(UNFLUSHED_SETTINGS);
    }

    /**
     * A server with PostgreSQL's default durability (fsync and synchronous_commit on), so a COMMIT is answered once
     * the WAL is flushed, as the gateway answers once the Delta commit is written: the fair baseline for a benchmark.
     */
    public static PostgresServer startDurable()
            throws Exception
    {
        return start(List.of());
    }

    private static PostgresServer start(List<String> durabilitySettings)
            throws Exception
    {
        Path bin = serverBinaries();
        Path directory = Files.createTempDirectory("timefusion-postgres-");
        Path data = directory.resolve("data");
        if (runningAsRoot()) {
            UserPrincipal owner = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVICE_USER);
            Files.setOwner(directory, owner);
        }
        runToCompletion(directory.resolve("initdb.log"), bin.resolve("initdb").toString(), "-D", data.toString(),
                "-U", USER, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-k", directory.toString()));
        Stream.concat(COMMON_SETTINGS.stream(), durabilitySettings.stream()).forEach(setting -> command.addAll(List.of("-c", setting)));
        ProcessTree process = ProcessTree.start(new ProcessBuilder(asServiceUser(command))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile()));
        PostgresServer server = new PostgresServer(bin, directory, data, port, process);
        try {
            server.awaitReady();
            return server;
        }
        catch (Throwable e) {
            server.close();
            throw e;
        }
    }

    /** The newest server installed by Debian's postgresql package, or a failure that says how to get one. */
    private static Path serverBinaries()
            throws IOException
    {
        Optional<Path> newest = Optional.empty();
        if (Files.isDirectory(DEBIAN_SERVER_ROOT)) {
            try (Stream<Path> versions = Files.list(DEBIAN_SERVER_ROOT)) {
                newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("postgres")) && Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))));
            }
        }
        return newest.orElseThrow(() -> new IllegalStateException(
                "No PostgreSQL server binaries under %s/<version>/bin: install the Debian package postgresql (.ci/run installs it)".formatted(DEBIAN_SERVER_ROOT)));
    }

    private static boolean runningAsRoot()
    {
        return System.getProperty("user.name").equals("root");
    }

    private static List<String> asServiceUser(List<String> command)
    {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SERVICE_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs a server tool (initdb, pg_ctl) as the service user; its output goes to {@code log}, quoted on failure. */
    private static void runToCompletion(Path log, String... command)
            throws IOException, InterruptedException
    {
        Process process = new ProcessBuilder(asServiceUser(List.of(command)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("%s did not finish within %s: %s".formatted(command[0], COMMAND_TIMEOUT, Files.readString(log)));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("%s failed with %d: %s".formatted(command[0], process.exitValue(), Files.readString(log)));
        }
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady()
            throws Exception
    {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (true) {
            if (!process.root().isAlive()) {
                throw new IllegalStateException("postgres exited: " + Files.readString(directory.resolve("server.log")));
            }
            try (Connection _ = connect()) {
                return;
            }
            catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("postgres did not accept connections within " + STARTUP_TIMEOUT, e);
                }
                Thread.sleep(200);
            }
        }
    }

    public int port()
    {
        return port;
    }

    public String jdbcUrl()
    {
        return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(port, DATABASE);
    }

    /** The connection properties {@link #jdbcUrl()} needs: the user, as authentication is trust. */
    public Properties properties()
    {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        return properties;
    }

    /** A libpq connection string, for psycopg. */
    public String dsn()
    {
        return "host=127.0.0.1 port=%d dbname=%s user=%s".formatted(port, DATABASE, USER);
    }

    public Connection connect()
            throws SQLException
    {
        return DriverManager.getConnection(jdbcUrl(), properties());
    }

    @Override
    public void close()
            throws Exception
    {
        try {
            if (process.root().isAlive()) {
                // fast shutdown: disconnects clients and stops cleanly, without waiting for them
                runToCompletion(directory.resolve("pg_ctl.log"), bin.resolve("pg_ctl").toString(), "-D", data.toString(), "stop", "-m", "fast", "-w");
            }
        }
        finally {
            // a no-op after a clean stop; ends the server when pg_ctl could not
            process.destroy();
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
