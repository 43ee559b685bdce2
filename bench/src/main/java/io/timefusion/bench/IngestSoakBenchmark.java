package io.timefusion.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 12's heap check: {@code ./timefusion} with its default heaps (Trino 2 GB, gateway 1 GB) and default settings
 * takes 5 M rows by COPY (10,000-row COPYs over 4 connections), then 5 M more by 100-row INSERTs (16 connections), all
 * 88 columns; the heap of both processes after a full GC is read after the first 100,000 rows, after the COPYs and
 * after the INSERTs. Sustained ingest must not grow either heap: the report says whether each stays within 100 MB of
 * its first reading, and whether both processes lived through it.
 */
public final class IngestSoakBenchmark
{
    private static final int ROWS_PER_PHASE = 5_000_000;
    private static final int COPY_CONNECTIONS = 4;
    private static final int ROWS_PER_COPY = 10_000;
    private static final int INSERT_CONNECTIONS = 16;
    private static final int ROWS_PER_INSERT = 100;
    private static final long ALLOWED_GROWTH = 100L << 20;
    private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total (\\d+)K, used (\\d+)K");

    private IngestSoakBenchmark() {}

    private record Heaps(String when, long trinoBytes, long gatewayBytes) {}

    public static void main(String[] args)
            throws Exception
    {
        PrintStream stdout = System.out;
        MachineInfo machine = MachineInfo.detect();
        Path root = Path.of("").toAbsolutePath().getParent();
        Path data = Files.createTempDirectory("timefusion-soak-");
        int pgwirePort = freePort();
        ProcessBuilder launcher = new ProcessBuilder(root.resolve("timefusion").toString())
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".out").toFile());
        launcher.environment().put("TIMEFUSION_DATA_DIR", data.toString());
        launcher.environment().put("TRINO_PORT", Integer.toString(freePort()));
        launcher.environment().put("PGWIRE_PORT", Integer.toString(pgwirePort));
        launcher.environment().put("PORT", Integer.toString(freePort()));
        Process timefusion = launcher.start();
        List<Heaps> heaps = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        try {
            awaitReady(data.resolveSibling(data.getFileName() + ".out"), timefusion);
            Properties properties = new Properties();
            properties.setProperty("user", "postgres");
            properties.setProperty("password", "postgres");
            IngestTarget target = new IngestTarget("TimeFusion (./timefusion defaults)", "jdbc:postgresql://127.0.0.1:%d/timefusion".formatted(pgwirePort), properties);
            OtelRows rows = new OtelRows("soak");

            progress("first 100,000 rows");
            IngestScenarios.copies("first rows", target, rows, 1, 10, ROWS_PER_COPY);
            heaps.add(heaps("after the first 100,000 rows", data));

            progress("5 M rows by COPY");
            IngestScenarios.Result copies = IngestScenarios.copies("5 M rows by COPY", target, rows, COPY_CONNECTIONS, ROWS_PER_PHASE / ROWS_PER_COPY / COPY_CONNECTIONS, ROWS_PER_COPY);
            phases.add(phase(copies));
            heaps.add(heaps("after 5 M rows by COPY", data));

            progress("5 M rows by INSERT");
            IngestScenarios.Result inserts = IngestScenarios.multiRowInserts("5 M rows by 100-row INSERT", target, rows, INSERT_CONNECTIONS,
                    ROWS_PER_PHASE / ROWS_PER_INSERT / INSERT_CONNECTIONS, ROWS_PER_INSERT);
            phases.add(phase(inserts));
            heaps.add(heaps("after 5 M more rows by INSERT", data));
        }
        finally {
            timefusion.destroy();
            timefusion.waitFor(60, TimeUnit.SECONDS);
        }

        StringBuilder report = new StringBuilder("## Sustained ingest into ./timefusion with its default heaps\n\n");
        machine.markdownItems().forEach(item -> report.append(item).append('\n'));
        report.append("- load average at the end: ").append(MachineInfo.currentLoadAverage()).append("\n\n");
        phases.forEach(phase -> report.append("- ").append(phase).append('\n'));
        report.append("\n| when | Trino heap after full GC MB | gateway heap after full GC MB |\n|---|---:|---:|\n");
        heaps.forEach(heap -> report.append("| %s | %,.0f | %,.0f |\n".formatted(heap.when(), heap.trinoBytes() / 1048576.0, heap.gatewayBytes() / 1048576.0)));
        Heaps first = heaps.getFirst();
        Heaps last = heaps.getLast();
        report.append("\nGrowth from the first reading to the last: Trino %+,.0f MB, gateway %+,.0f MB (allowed: 100 MB each): %s.\n".formatted(
                (last.trinoBytes() - first.trinoBytes()) / 1048576.0, (last.gatewayBytes() - first.gatewayBytes()) / 1048576.0,
                last.trinoBytes() - first.trinoBytes() <= ALLOWED_GROWTH && last.gatewayBytes() - first.gatewayBytes() <= ALLOWED_GROWTH ? "within" : "EXCEEDED"));
        stdout.println(report);
    }

    private static String phase(IngestScenarios.Result result)
    {
        return "%s: %,d rows in %.0f s, %,.0f rows/s, ack p50 %.0f ms, p99 %.0f ms".formatted(result.scenario(), result.rows(), result.seconds(), result.rowsPerSecond(),
                result.acknowledgement().p50(), result.acknowledgement().p99());
    }

    private static Heaps heaps(String when, Path data)
            throws IOException, InterruptedException
    {
        Path run = data.resolve(".run");
        return new Heaps(when, heapAfterFullGc(Files.readString(run.resolve("trino.pid")).strip()), heapAfterFullGc(Files.readString(run.resolve("gateway.pid")).strip()));
    }

    /** {@code jcmd GC.run}, then the used heap {@code jcmd GC.heap_info} reports. */
    private static long heapAfterFullGc(String pid)
            throws IOException, InterruptedException
    {
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no G1 heap figure from jcmd " + pid);
        }
        return Long.parseLong(used.group(2)) * 1024;
    }

    private static String jcmd(String pid, String command)
            throws IOException, InterruptedException
    {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid, command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd %s %s: %s".formatted(pid, command, output));
        }
        return output;
    }

    private static void awaitReady(Path output, Process timefusion)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (!Files.readString(output).contains("TimeFusion is ready")) {
            if (!timefusion.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("./timefusion did not start:\n" + Files.readString(output));
            }
            Thread.sleep(500);
        }
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void progress(String message)
    {
        System.err.println("[soak] " + message);
    }
}
