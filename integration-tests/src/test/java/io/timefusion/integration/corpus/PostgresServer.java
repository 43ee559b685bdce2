package io.timefusion.integration.corpus;

import io.timefusion.integration.gateway.ExternalProcess;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (the Debian package's binaries) in a temporary directory on 127.0.0.1 and a free port:
 * the reference the corpus compares the gateway with. Its settings make results comparable with Trino's: UTF-8
 * with the C collation (text sorts by code point, as Trino sorts varchar) and the session time zone UTC. Postgres
 * refuses to run as root, so as root it runs as the user {@code postgres}.
 */
public final class PostgresServer
        implements AutoCloseable
{
    private static final Path DEBIAN_SERVER_ROOT = Path.of("/usr/lib/postgresql");
    private static final String SERVICE_USER = "postgres";
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final Path bin;
    private final Path directory;
    private final Path data;
    private final int port;
    private final Process process;

    private PostgresServer(Path bin, Path directory, Path data, int port, Process process)
    {
        this.bin = bin;
        this.directory = directory;
        this.data = data;
        this.port = port;
        this.process = process;
    }

    public static PostgresServer start()
            throws Exception
    {
        Path bin = serverBinaries();
        Path directory = Files.createTempDirectory("corpus-postgres-");
        Path data = directory.resolve("data");
        boolean root = System.getProperty("user.name").equals("root");
        if (root) {
            UserPrincipal owner = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVICE_USER);
            Files.setOwner(directory, owner);
        }
        ExternalProcess initdb = ExternalProcess.run(asServiceUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(),
                "-U", USER, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync")), Map.of(), "");
        if (initdb.exitCode() != 0) {
            throw new IllegalStateException("initdb failed: " + initdb.stderr());
        }
        int port = freePort();
        Process process = new ProcessBuilder(asServiceUser(root, List.of(bin.resolve("postgres").toString(), "-D", data.toString(), "-p", Integer.toString(port),
                "-k", directory.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "timezone=UTC", "-c", "fsync=off",
                "-c", "synchronous_commit=off", "-c", "full_page_writes=off")))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile())
                .start();
        PostgresServer server = new PostgresServer(bin, directory, data, port, process);
        try {
            server.awaitReady(Duration.ofSeconds(60));
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
                "No PostgreSQL server binaries under %s/<version>/bin: the differential corpus needs the Debian package postgresql (.ci/run installs it)".formatted(DEBIAN_SERVER_ROOT)));
    }

    private static List<String> asServiceUser(boolean root, List<String> command)
    {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SERVICE_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Duration timeout)
            throws Exception
    {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("postgres exited with %d: %s".formatted(process.exitValue(), Files.readString(directory.resolve("server.log"))));
            }
            try (Connection _ = connect()) {
                return;
            }
            catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("postgres did not accept connections within " + timeout, e);
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

    /** A libpq connection string, for psycopg. */
    public String dsn()
    {
        return "host=127.0.0.1 port=%d dbname=%s user=%s".formatted(port, DATABASE, USER);
    }

    public Connection connect()
            throws SQLException
    {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    @Override
    public void close()
            throws Exception
    {
        try {
            if (process.isAlive()) {
                // fast shutdown: disconnects clients and stops cleanly, without waiting for them
                ExternalProcess.run(asServiceUser(System.getProperty("user.name").equals("root"),
                        List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "stop", "-m", "fast", "-w")), Map.of(), "");
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
        finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
