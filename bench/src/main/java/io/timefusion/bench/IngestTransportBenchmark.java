package io.timefusion.bench;

import io.airlift.slice.Slices;
import io.timefusion.gateway.ingest.BatchEncoder;
import io.timefusion.gateway.ingest.BatchWriter;
import io.timefusion.gateway.ingest.IngestColumn;
import io.timefusion.gateway.ingest.IngestTransportConfig;
import io.timefusion.gateway.ingest.IngestTable;
import io.timefusion.gateway.ingest.IngestTables;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.trino.ingest.BatchDecoder;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.trino.type.JsonType;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * How rows reach the plugin, for each ingest.transport (inline: the batch inside the statement; http: the worker
 * fetches it from the gateway): (1) the batch transport alone, the gateway's BatchWriter writing encoded batches of
 * 100 / 1,000 / 10,000 wide rows in one {@code INSERT … FROM TABLE(ingest_batch(…))}, with the encode and decode
 * cost per row measured apart; (2) the main client's shape through pgwire in direct mode: 16 pgjdbc connections
 * each repeating an 88-column, 100-row INSERT with one bind per cell. Trino, the connector (local disk), the
 * gateway and the clients share this JVM and the machine's cores. Markdown on stdout.
 */
public final class IngestTransportBenchmark
{
    private static final List<Integer> BATCH_ROWS = List.of(100, 1_000, 10_000);
    private static final int CLIENTS = 16;
    private static final int ROWS_PER_INSERT = 100;
    private static final Duration WARMUP = Duration.ofSeconds(20);
    private static final Duration MEASURED = Duration.ofSeconds(60);

    private IngestTransportBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        PrintStream stdout = System.out;
        MachineInfo machine = MachineInfo.detect();
        List<String> report = new ArrayList<>();
        report.add("# Ingest transport benchmark");
        report.add("");
        report.addAll(machine.markdownItems());
        report.add("- load average at start: " + machine.loadAverage());
        try (BenchStorage storage = BenchStorage.local();
                BenchCluster cluster = BenchCluster.start(storage)) {
            for (IngestTransportConfig.Transport transport : IngestTransportConfig.Transport.values()) {
                try (BenchGateway gateway = BenchGateway.start(cluster.coordinatorUrl(), Map.of("query-cache.enabled", "false", "ingest.transport", transport.name()))) {
                    System.err.println("ingest.transport=" + transport);
                    IngestTable table = gateway.instance(IngestTables.class).table(BenchCluster.TABLE);
                    report.addAll(transport(transport, table, gateway.instance(BatchWriter.class)));
                    report.addAll(directMode(transport, table, gateway));
                }
            }
        }
        report.add("");
        report.add("- load average at end: " + MachineInfo.currentLoadAverage());
        stdout.println(String.join("\n", report));
    }

    private static List<String> transport(IngestTransportConfig.Transport transport, IngestTable table, BatchWriter writer)
            throws SQLException
    {
        List<String> lines = new ArrayList<>(List.of("",
                "## Batch transport ingest.transport=%s: one INSERT … FROM TABLE(ingest_batch(%s)) per batch, 88 columns".formatted(
                        transport.name().toLowerCase(Locale.ROOT), transport == IngestTransportConfig.Transport.INLINE ? "batch => '<base64>'" : "url => 'http://gateway/…'"),
                "",
                "| rows per batch | encoded | statement | encode µs/row | decode µs/row | runs | wall ms: median (min–max) | rows/s (median) | JVM CPU ms per batch | CPU used by other processes |",
                "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|"));
        WideLogRows rows = new WideLogRows(table, 1);
        BatchDecoder decoder = new BatchDecoder(new OtelLogsAndSpansTable(JsonType.JSON));
        for (int batchRows : BATCH_ROWS) {
            RowBatch sample = rows.batch(batchRows);
            byte[] encoded = BatchEncoder.encode(table, sample);
            double encodeMicros = perRowMicros(batchRows, () -> BatchEncoder.encode(table, sample));
            double decodeMicros = perRowMicros(batchRows, () -> decoder.decode(Slices.wrappedBuffer(encoded)));
            int runs = batchRows >= 10_000 ? 3 : 5;
            writer.write(rows.batch(batchRows), Optional.empty());
            List<RowBatch> batches = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                batches.add(rows.batch(batchRows));
            }
            long[] nanos = new long[runs];
            CpuSample before = CpuSample.take();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                writer.write(batches.get(i), Optional.empty());
                nanos[i] = System.nanoTime() - start;
            }
            CpuSample after = CpuSample.take();
            Latencies wall = Latencies.of(nanos);
            long fastest = Arrays.stream(nanos).min().orElseThrow();
            lines.add("| %,d | %s | %,d chars | %.1f | %.1f | %d | %,.0f (%,.0f–%,.0f) | %,.0f | %,.0f | %.0f %% |".formatted(
                    batchRows, bytes(encoded.length), statementChars(transport, encoded), encodeMicros, decodeMicros, runs,
                    wall.p50(), fastest / 1e6, wall.max(), batchRows / (wall.p50() / 1000),
                    (after.ownTicks() - before.ownTicks()) * 10.0 / runs, 100 * after.othersShareSince(before)));
        }
        return lines;
    }

    private static List<String> directMode(IngestTransportConfig.Transport transport, IngestTable table, BenchGateway gateway)
            throws Exception
    {
        List<String> names = new WideLogRows(table, 0).columnNames();
        String row = "(" + names.stream().map(_ -> "?").collect(Collectors.joining(", ")) + ")";
        String sql = "INSERT INTO otel_logs_and_spans (" + String.join(", ", names) + ") VALUES " + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, row));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long warmupEnd = System.nanoTime() + WARMUP.toNanos();
            long measuredEnd = warmupEnd + MEASURED.toNanos();
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                long seed = 1000 + client;
                futures.add(clients.submit(() -> runClient(gateway, table, seed, sql, warmupEnd, measuredEnd)));
            }
            CpuSample before = CpuSample.take();
            List<Long> latencies = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                latencies.addAll(future.get());
            }
            CpuSample after = CpuSample.take();
            Latencies percentiles = Latencies.of(latencies.stream().mapToLong(Long::longValue).toArray());
            double rowsPerSecond = latencies.size() * (double) ROWS_PER_INSERT / MEASURED.toSeconds();
            return List.of("",
                    "## Direct mode through pgwire, ingest.transport=%s: %d pgjdbc connections, INSERT of %d rows × %d columns, one bind per cell".formatted(
                            transport.name().toLowerCase(Locale.ROOT), CLIENTS, ROWS_PER_INSERT, names.size()),
                    "",
                    "| measured | INSERTs acknowledged | rows/s | ack latency ms p50 | p90 | p99 | max | CPU used by other processes (incl. warm-up) |",
                    "|---:|---:|---:|---:|---:|---:|---:|---:|",
                    "| %d s after %d s warm-up | %,d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %.0f %% |".formatted(
                            MEASURED.toSeconds(), WARMUP.toSeconds(), latencies.size(), rowsPerSecond, percentiles.p50(), percentiles.p90(), percentiles.p99(),
                            percentiles.max(), 100 * after.othersShareSince(before)));
        }
        finally {
            clients.shutdownNow();
        }
    }

    /** Repeats the INSERT until {@code measuredEnd}; @return the latencies (ns) of the INSERTs started after {@code warmupEnd} that finished in time */
    private static List<Long> runClient(BenchGateway gateway, IngestTable table, long seed, String sql, long warmupEnd, long measuredEnd)
            throws SQLException
    {
        WideLogRows rows = new WideLogRows(table, seed);
        List<Long> latencies = new ArrayList<>();
        try (Connection connection = gateway.connect();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            while (System.nanoTime() < measuredEnd) {
                bind(connection, insert, rows);
                long start = System.nanoTime();
                int inserted = insert.executeUpdate();
                long end = System.nanoTime();
                if (inserted != ROWS_PER_INSERT) {
                    throw new IllegalStateException("INSERT reported %d rows".formatted(inserted));
                }
                if (start >= warmupEnd && end <= measuredEnd) {
                    latencies.add(end - start);
                }
            }
        }
        return latencies;
    }

    private static void bind(Connection connection, PreparedStatement insert, WideLogRows rows)
            throws SQLException
    {
        int parameter = 1;
        List<IngestColumn> columns = rows.columns();
        for (int i = 0; i < ROWS_PER_INSERT; i++) {
            Object[] values = rows.row();
            for (int column = 0; column < values.length; column++) {
                Object value = values[column];
                switch (value) {
                    case null -> insert.setNull(parameter, Types.VARCHAR);
                    case Instant instant -> insert.setObject(parameter, instant.atOffset(ZoneOffset.UTC));
                    case Integer number -> insert.setInt(parameter, number);
                    case Long number -> insert.setLong(parameter, number);
                    case Boolean bool -> insert.setBoolean(parameter, bool);
                    case List<?> list -> insert.setArray(parameter, connection.createArrayOf("text", list.toArray()));
                    default -> insert.setString(parameter, value.toString());
                }
                parameter++;
            }
        }
        if (parameter - 1 != ROWS_PER_INSERT * columns.size()) {
            throw new IllegalStateException("bound %d parameters".formatted(parameter - 1));
        }
    }

    private interface Work
    {
        Object run()
                throws Exception;
    }

    private static double perRowMicros(int rows, Work work)
            throws SQLException
    {
        try {
            for (int i = 0; i < 20; i++) {
                work.run();
            }
            int iterations = Math.max(5, 200_000 / rows);
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                work.run();
            }
            return (System.nanoTime() - start) / 1e3 / iterations / rows;
        }
        catch (SQLException | RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The length of the INSERT statement Trino parses, as TrinoBatchWriter builds it. */
    private static int statementChars(IngestTransportConfig.Transport transport, byte[] encoded)
    {
        int prefix = "INSERT INTO \"otel_logs_and_spans\" SELECT * FROM TABLE(\"timefusion\".system.ingest_batch(batch => ''))".length();
        return prefix + switch (transport) {
            case INLINE -> Base64.getEncoder().encodeToString(encoded).length();
            case HTTP -> "http://127.0.0.1:12345/v1/ingest/batches/".length() + 43;
        };
    }

    private static String bytes(long bytes)
    {
        return bytes >= 1 << 20 ? "%.1f MB".formatted(bytes / 1e6) : "%.1f kB".formatted(bytes / 1e3);
    }
}
