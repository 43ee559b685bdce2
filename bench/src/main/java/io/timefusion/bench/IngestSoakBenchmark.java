package io.timefusion.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.stream.Collectors;

/**
 * Issue 12's heap check: {@code ./timefusion} with its default heaps (Trino 2 GB, gateway 1 GB) and default settings
 * takes 5 M rows by COPY (10,000-row COPYs over 4 connections), then 5 M more by 100-row INSERTs (16 connections), all
 * 88 columns; the live heap of both processes (after a full GC) is read after the first 100,000 rows, after the COPYs and
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
    private static final int ROWS_PER_INSERT_ROUND = 200_000;
    private static final long ALLOWED_GROWTH = 100L << 20;
    private static final Duration SETTLE = Duration.ofSeconds(35);
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

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
        int httpPort = freePort();
        launcher.environment().put("PORT", Integer.toString(httpPort));
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
            heaps.add(heaps("after the first 100,000 rows", data, httpPort));

            progress("5 M rows by COPY");
            IngestScenarios.Result copies = IngestScenarios.copies("5 M rows by COPY", target, rows, COPY_CONNECTIONS, ROWS_PER_PHASE / ROWS_PER_COPY / COPY_CONNECTIONS, ROWS_PER_COPY);
            phases.add(phase(copies));
            heaps.add(heaps("after 5 M rows by COPY", data, httpPort));

            progress("5 M rows by INSERT");
            // in rounds: the client generates a round's rows before sending them, and 5 M rows at once do not fit its heap
            List<IngestScenarios.Result> rounds = new ArrayList<>();
            for (int round = 0; round < ROWS_PER_PHASE / ROWS_PER_INSERT_ROUND; round++) {
                rounds.add(IngestScenarios.multiRowInserts("5 M rows by 100-row INSERT", target, rows, INSERT_CONNECTIONS,
                        ROWS_PER_INSERT_ROUND / ROWS_PER_INSERT / INSERT_CONNECTIONS, ROWS_PER_INSERT));
            }
            phases.add(phase(rounds));
            heaps.add(heaps("after 5 M more rows by INSERT", data, httpPort));
        }
        finally {
            timefusion.destroy();
            timefusion.waitFor(60, TimeUnit.SECONDS);
        }

        StringBuilder report = new StringBuilder("## Sustained ingest into ./timefusion with its default heaps\n\n");
        machine.markdownItems().forEach(item -> report.append(item).append('\n'));
        report.append("- load average at the end: ").append(MachineInfo.currentLoadAverage()).append("\n\n");
        phases.forEach(phase -> report.append("- ").append(phase).append('\n'));
        report.append("\nEach reading once every row is flushed and out of the gateway's memory, 35 s later; the bytes of live objects after a stop-the-world full GC (`jcmd GC.class_histogram`).\n\n| when | Trino live heap MB | gateway live heap MB |\n|---|---:|---:|\n");
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
        return phase(List.of(result));
    }

    /** Rounds of one phase: their rows over their time, the median round's ack p50 and the worst round's p99. */
    private static String phase(List<IngestScenarios.Result> rounds)
    {
        long rows = rounds.stream().mapToLong(IngestScenarios.Result::rows).sum();
        double seconds = rounds.stream().mapToDouble(IngestScenarios.Result::seconds).sum();
        double[] p50s = rounds.stream().mapToDouble(round -> round.acknowledgement().p50()).sorted().toArray();
        double p99 = rounds.stream().mapToDouble(round -> round.acknowledgement().p99()).max().orElseThrow();
        return "%s: %,d rows in %.0f s%s, %,.0f rows/s, ack p50 %.0f ms, p99 %.0f ms".formatted(rounds.getFirst().scenario(), rows, seconds,
                rounds.size() == 1 ? "" : " (%d rounds)".formatted(rounds.size()), rows / seconds, p50s[p50s.length / 2], p99);
    }

    /**
     * Both live heaps once the load has settled: every row flushed and out of the gateway's memory (no flush in
     * flight, whose batch would be counted), then Trino's query.min-expire-age (30 s) more, so that each reading sees
     * the same state and a difference is what the load left behind.
     */
    private static Heaps heaps(String when, Path data, int httpPort)
            throws IOException, InterruptedException
    {
        awaitBufferEmpty(httpPort);
        Thread.sleep(SETTLE.toMillis());
        Path run = data.resolve(".run");
        return new Heaps(when, liveHeap("Trino", Files.readString(run.resolve("trino.pid")).strip(), when),
                liveHeap("the gateway", Files.readString(run.resolve("gateway.pid")).strip(), when));
    }

    /**
     * The bytes of live objects: {@code jcmd GC.class_histogram} collects the whole heap, stopping the world, before it
     * counts (unlike {@code GC.run}, which with Trino's {@code -XX:+ExplicitGCInvokesConcurrent} only starts a
     * concurrent cycle and returns). Its largest classes go to stderr, for whoever reads a growth.
     */
    private static long liveHeap(String process, String pid, String when)
            throws IOException, InterruptedException
    {
        String histogram = jcmd(pid, "GC.class_histogram");
        progress("%s's largest classes %s:%n%s".formatted(process, when, histogram.lines().limit(15).collect(Collectors.joining("\n"))));
        Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
        if (!total.find()) {
            throw new IllegalStateException("no heap total from jcmd %s GC.class_histogram".formatted(pid));
        }
        return Long.parseLong(total.group(1));
    }

    private static void awaitBufferEmpty(int httpPort)
            throws IOException, InterruptedException
    {
        ObjectMapper json = new ObjectMapper();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d/status".formatted(httpPort))).build();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (json.readTree(client.send(status, HttpResponse.BodyHandlers.ofString()).body()).path("write_buffer").path("rows").asLong(-1) != 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the gateway's write buffer did not empty within 5 minutes");
                }
                Thread.sleep(1000);
            }
        }
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
