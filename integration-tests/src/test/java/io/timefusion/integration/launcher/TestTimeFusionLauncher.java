package io.timefusion.integration.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The newcomer's path (issue #6): {@code ./timefusion} from the repository root starts Trino and the gateway, psql runs
 * the README walkthrough through the gateway, the Trino CLI counts the same rows, and SIGINT stops everything within
 * 10 s, leaving no process behind.
 */
class TestTimeFusionLauncher
{
    private static final String README_INSERT = """
            INSERT INTO otel_logs_and_spans (name, id, project_id, hashes, timestamp, date)
            VALUES ('GET /users', 'span-1', 'my-project', ARRAY[], TIMESTAMP '2025-03-01 12:00:00.123456 UTC', DATE '2025-03-01')""";
    private static final String README_SELECT = "SELECT name, id, project_id, timestamp, date FROM otel_logs_and_spans WHERE project_id = 'my-project'";
    private static final String READY_LINE = "TimeFusion is ready";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    // ./timefusion builds what is missing first (a clean clone, or `./mvnw verify` running this module before `server`)
    private static final Duration READY_TIMEOUT_WITH_BUILD = Duration.ofMinutes(12);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void startsQueriesAndStopsOnSigint(@TempDir Path temporary)
            throws Exception
    {
        assumeTrue(available("psql"), "psql is not installed (Debian package postgresql-client; .ci/run installs it)");
        assumeTrue(available("curl"), "curl is not installed (./timefusion polls Trino's REST API with it)");
        Path root = Path.of("").toAbsolutePath().getParent();
        Path launcher = root.resolve("timefusion");
        assertThat(launcher).as("./timefusion at the repository root %s", root).isExecutable();

        Path dataDirectory = temporary.resolve("data");
        Path output = temporary.resolve("timefusion.out");
        int trinoPort = freePort();
        int pgwirePort = freePort();
        int httpPort = freePort();
        Map<String, String> environment = new HashMap<>();
        environment.put("TRINO_PORT", Integer.toString(trinoPort));
        environment.put("PGWIRE_PORT", Integer.toString(pgwirePort));
        environment.put("PORT", Integer.toString(httpPort));
        environment.put("TIMEFUSION_DATA_DIR", dataDirectory.toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));

        boolean buildNeeded = !Files.isRegularFile(root.resolve("server/target/tools/trino-cli.jar"))
                || !Files.isRegularFile(root.resolve("gateway/target/gateway-classpath.txt"));
        ProcessBuilder builder = new ProcessBuilder(launcher.toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeAll(List.of("PGWIRE_USER", "PGWIRE_PASSWORD", "AWS_S3_BUCKET", "TIMEFUSION_BUILD"));
        builder.environment().putAll(environment);

        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            awaitReady(process, output, dataDirectory, buildNeeded ? READY_TIMEOUT_WITH_BUILD : READY_TIMEOUT);
            System.out.printf("./timefusion ready after %.1f s (build needed: %s)%n", (System.nanoTime() - launched) / 1e9, buildNeeded);
            String printed = Files.readString(output);
            assertThat(printed)
                    .contains("password postgres")
                    .contains("psql \"postgresql://postgres:postgres@127.0.0.1:%d/timefusion\"".formatted(pgwirePort))
                    .contains("http://127.0.0.1:%d/".formatted(httpPort))
                    .contains("./timefusion cli");

            // psql through the gateway: the README walkthrough
            String psqlUrl = "postgresql://postgres@127.0.0.1:%d/timefusion".formatted(pgwirePort);
            Result inserted = run(List.of("psql", psqlUrl, "-X", "-v", "ON_ERROR_STOP=1", "-c", README_INSERT), Map.of("PGPASSWORD", "postgres"), root);
            assertThat(inserted.exitCode()).as("psql INSERT: %s", inserted).isZero();
            assertThat(inserted.stdout()).contains("INSERT 0 1");
            Result selected = run(List.of("psql", psqlUrl, "-X", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-F", "|", "-c", README_SELECT), Map.of("PGPASSWORD", "postgres"), root);
            assertThat(selected.exitCode()).as("psql SELECT: %s", selected).isZero();
            assertThat(selected.stdout().strip()).isEqualTo("GET /users|span-1|my-project|2025-03-01 12:00:00.123456+00|2025-03-01");
            Result tables = run(List.of("psql", psqlUrl, "-X", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-c", "\\dt"), Map.of("PGPASSWORD", "postgres"), root);
            assertThat(tables.exitCode()).as("psql \\dt: %s", tables).isZero();
            assertThat(tables.stdout()).contains("public|otel_logs_and_spans|table|postgres");
            Result psqlCount = run(List.of("psql", psqlUrl, "-X", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-c", "SELECT count(*) FROM otel_logs_and_spans"), Map.of("PGPASSWORD", "postgres"), root);
            assertThat(psqlCount.exitCode()).as("psql count: %s", psqlCount).isZero();

            // the Trino CLI on the same server counts the same rows
            Result cliCount = run(
                    List.of(launcher.toString(), "cli", "--output-format", "TSV", "--execute", "SELECT count(*) FROM otel_logs_and_spans"),
                    environment,
                    root);
            assertThat(cliCount.exitCode()).as("./timefusion cli: %s", cliCount).isZero();
            assertThat(cliCount.stdout().strip()).isEqualTo(psqlCount.stdout().strip()).isEqualTo("1");

            // projects are administered only as the admin principal, whose secret ./timefusion generated for this run
            String unregister = "CALL timefusion.system.unregister_project('nobody-registered')";
            Result asUser = run(List.of(launcher.toString(), "cli", "--execute", unregister), environment, root);
            assertThat(asUser.exitCode()).as("./timefusion cli CALL: %s", asUser).isNotZero();
            assertThat(asUser.stdout() + asUser.stderr()).contains("Access Denied: Cannot execute procedure system.unregister_project");
            Result asAdmin = run(List.of(launcher.toString(), "cli", "--admin", "--execute", unregister), environment, root);
            assertThat(asAdmin.stdout() + asAdmin.stderr()).as("./timefusion cli --admin CALL: %s", asAdmin)
                    .contains("Project nobody-registered is not registered")
                    .doesNotContain("Access Denied");

            // SIGINT (Ctrl-C) stops Trino and the gateway within 10 s; no process is left
            List<ProcessHandle> descendants = process.toHandle().descendants().toList();
            assertThat(descendants).as("Trino and the gateway run as children of ./timefusion").hasSizeGreaterThanOrEqualTo(2);
            long signalled = System.nanoTime();
            Result kill = run(List.of("kill", "-INT", Long.toString(process.pid())), Map.of(), root);
            assertThat(kill.exitCode()).as("kill -INT: %s", kill).isZero();
            boolean exited = process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long remainingNanos = STOP_TIMEOUT.toNanos() - (System.nanoTime() - signalled);
            while (remainingNanos > 0 && descendants.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(100);
                remainingNanos = STOP_TIMEOUT.toNanos() - (System.nanoTime() - signalled);
            }
            double stopSeconds = (System.nanoTime() - signalled) / 1e9;
            System.out.printf("./timefusion stopped %.1f s after SIGINT%n", stopSeconds);
            assertThat(exited).as("./timefusion exited within %s of SIGINT; it printed:%n%s", STOP_TIMEOUT, Files.readString(output)).isTrue();
            assertThat(descendants.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList())
                    .as("processes still running %s after SIGINT", STOP_TIMEOUT)
                    .isEmpty();
            assertThat(Files.readString(output)).contains("Stopped");
            for (int port : List.of(trinoPort, pgwirePort, httpPort)) {
                assertThat(listening(port)).as("port %d is free again", port).isFalse();
            }
        }
        finally {
            if (process.isAlive()) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void portInUseIsOneLineNamingTheVariable(@TempDir Path temporary)
            throws Exception
    {
        Path root = Path.of("").toAbsolutePath().getParent();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> environment = Map.of(
                    "TRINO_PORT", Integer.toString(freePort()),
                    "PGWIRE_PORT", Integer.toString(taken.getLocalPort()),
                    "PORT", Integer.toString(freePort()),
                    "TIMEFUSION_DATA_DIR", temporary.resolve("data").toString(),
                    "JAVA_HOME", System.getProperty("java.home"));
            Result result = run(List.of(root.resolve("timefusion").toString()), environment, root);
            assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr().lines().toList())
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("port %d".formatted(taken.getLocalPort()))
                    .contains("set PGWIRE_PORT");
        }
    }

    private static void awaitReady(Process process, Path output, Path dataDirectory, Duration timeout)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(output).contains(READY_LINE)) {
                return;
            }
            if (!process.isAlive()) {
                fail("./timefusion exited with %d before it was ready:%n%s".formatted(process.exitValue(), diagnostics(output, dataDirectory)));
            }
            Thread.sleep(250);
        }
        fail("./timefusion did not print \"%s\" within %s:%n%s".formatted(READY_LINE, timeout, diagnostics(output, dataDirectory)));
    }

    private static String diagnostics(Path output, Path dataDirectory)
            throws IOException
    {
        StringBuilder text = new StringBuilder(Files.readString(output));
        for (String log : List.of("trino.log", "gateway.log")) {
            Path file = dataDirectory.resolve(".run").resolve(log);
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                text.append("%n---- last lines of %s ----%n".formatted(file));
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(line -> text.append(line).append('\n'));
            }
        }
        return text.toString();
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(List<String> command, Map<String, String> environment, Path directory)
            throws IOException, InterruptedException
    {
        Path stdout = Files.createTempFile("launcher-client-", ".out");
        Path stderr = Files.createTempFile("launcher-client-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .directory(directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within 120 s".formatted(command));
            }
            return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        }
        finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static boolean available(String program)
    {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port)
    {
        try (Socket _ = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        }
        catch (IOException _) {
            return false;
        }
    }
}
