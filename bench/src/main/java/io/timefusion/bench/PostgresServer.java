package io.timefusion.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL 15 from the Debian packages, started by the benchmark on a free port of 127.0.0.1 in a fresh data
 * directory, as user postgres (the server refuses to run as root). Default settings: fsync and synchronous_commit on,
 * so a COMMIT is answered once the WAL is flushed, as the gateway answers once the Delta commit is written.
 */
final class PostgresServer
        implements AutoCloseable
{
    static final Path BINARIES = Path.of("/usr/lib/postgresql/15/bin");
    private static final String USER = "postgres";
    private static final String DATABASE = "bench";

    private final Path dataDirectory;
    private final int port;

    private PostgresServer(Path dataDirectory, int port)
    {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static PostgresServer start()
            throws IOException, InterruptedException, SQLException
    {
        Path directory = Files.createTempDirectory("timefusion-bench-postgres-");
        run("chown", USER + ":" + USER, directory.toString());
        Path data = directory.resolve("data");
        int port = freePort();
        asPostgres(BINARIES.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust", "--no-sync");
        asPostgres(BINARIES.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", directory.resolve("postgres.log").toString(),
                "-o", "-p %d -c listen_addresses=127.0.0.1 -k %s -c max_connections=200".formatted(port, directory), "start");
        PostgresServer server = new PostgresServer(data, port);
        try (Connection connection = server.connect("postgres")) {
            connection.createStatement().execute("CREATE DATABASE " + DATABASE);
        }
        return server;
    }

    Connection connect()
            throws SQLException
    {
        return connect(DATABASE);
    }

    String jdbcUrl()
    {
        return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(port, DATABASE);
    }

    Properties properties()
    {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        return properties;
    }

    private Connection connect(String database)
            throws SQLException
    {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%d/%s".formatted(port, database), properties());
    }

    @Override
    public void close()
            throws IOException, InterruptedException
    {
        asPostgres(BINARIES.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-w", "-m", "fast", "stop");
        run("rm", "-rf", dataDirectory.getParent().toString());
    }

    private static void asPostgres(String... command)
            throws IOException, InterruptedException
    {
        List<String> line = new ArrayList<>(List.of("runuser", "-u", USER, "--"));
        line.addAll(List.of(command));
        run(line.toArray(String[]::new));
    }

    private static void run(String... command)
            throws IOException, InterruptedException
    {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("failed: " + String.join(" ", command));
        }
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
