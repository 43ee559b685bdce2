package io.timefusion.bench;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ingest shapes of issue 7, run the same way against any {@link IngestTarget}: each client connection sends its
 * statements one after another and waits for each acknowledgement (the command tag), whose latency is recorded.
 */
final class IngestScenarios
{
    private static final int DISTINCT_COPIES_PER_CONNECTION = 5;

    private IngestScenarios() {}

    /** What one scenario measured on one target. */
    record Result(String scenario, String target, long rows, long statements, double seconds, Latencies acknowledgement)
    {
        double rowsPerSecond()
        {
            return rows / seconds;
        }
    }

    /** {@code connections} clients, each sending {@code statements} INSERTs of {@code rowsPerStatement} rows × 88 binds. */
    static Result multiRowInserts(String scenario, IngestTarget target, OtelRows rows, int connections, int statements, int rowsPerStatement)
            throws Exception
    {
        String sql = insertSql(rowsPerStatement);
        return concurrently(scenario, target, connections, statements, rowsPerStatement, connection -> {
            PreparedStatement insert = connection.prepareStatement(sql);
            List<List<Object[]>> batches = new ArrayList<>();
            for (int i = 0; i < statements; i++) {
                batches.add(rows.next(rowsPerStatement));
            }
            return statement -> {
                int parameter = 1;
                for (Object[] row : batches.get(statement)) {
                    for (Object cell : row) {
                        insert.setObject(parameter++, cell);
                    }
                }
                if (insert.executeUpdate() != rowsPerStatement) {
                    throw new IllegalStateException("INSERT did not report %d rows".formatted(rowsPerStatement));
                }
            };
        });
    }

    /** {@code connections} clients, each sending {@code copiesPerConnection} COPY … FROM STDIN (FORMAT csv) of {@code rowsPerCopy} rows. */
    static Result copies(String scenario, IngestTarget target, OtelRows rows, int connections, int copiesPerConnection, int rowsPerCopy)
            throws Exception
    {
        String sql = "COPY otel_logs_and_spans (%s) FROM STDIN WITH (FORMAT csv)".formatted(OtelTable.columnList());
        return concurrently(scenario, target, connections, copiesPerConnection, rowsPerCopy, connection -> {
            // a few distinct COPYs per connection, sent in turn: all 1 M rows generated up front would hold ~1 GB
            List<byte[]> payloads = new ArrayList<>();
            for (int i = 0; i < Math.min(copiesPerConnection, DISTINCT_COPIES_PER_CONNECTION); i++) {
                StringBuilder csv = new StringBuilder();
                for (Object[] row : rows.next(rowsPerCopy)) {
                    OtelRows.appendCsv(csv, row);
                }
                payloads.add(csv.toString().getBytes(StandardCharsets.UTF_8));
            }
            return statement -> {
                long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(payloads.get(statement % payloads.size())));
                if (copied != rowsPerCopy) {
                    throw new IllegalStateException("COPY reported %d rows, expected %d".formatted(copied, rowsPerCopy));
                }
            };
        });
    }

    private static String insertSql(int rowsPerStatement)
    {
        // pgjdbc's placeholders; it sends them as $1 … $8800
        String row = "(" + String.join(", ", Collections.nCopies(OtelTable.COLUMNS.size(), "?")) + ")";
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < rowsPerStatement; i++) {
            values.add(row);
        }
        return "INSERT INTO otel_logs_and_spans (%s) VALUES %s".formatted(OtelTable.columnList(), values);
    }

    interface Statement
    {
        /** Sends the connection's statement number {@code index} and returns once it is acknowledged. */
        void send(int index)
                throws Exception;
    }

    interface Client
    {
        /** Generates the connection's rows (before the clock starts) and returns how to send them. */
        Statement open(Connection connection)
                throws Exception;
    }

    private static Result concurrently(String scenario, IngestTarget target, int connections, int statementsPerConnection, int rowsPerStatement, Client client)
            throws Exception
    {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Connection> opened = new ArrayList<>();
        try {
            List<Statement> statements = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Connection connection = target.connect();
                opened.add(connection);
                statements.add(client.open(connection));
            }
            long started = System.nanoTime();
            try (ExecutorService clients = Executors.newFixedThreadPool(connections)) {
                List<Future<?>> done = new ArrayList<>();
                for (Statement statement : statements) {
                    done.add(clients.submit(() -> {
                        for (int i = 0; i < statementsPerConnection; i++) {
                            long sent = System.nanoTime();
                            statement.send(i);
                            latencies.add(System.nanoTime() - sent);
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long statementCount = (long) connections * statementsPerConnection;
            return new Result(scenario, target.name(), statementCount * rowsPerStatement, statementCount, seconds,
                    Latencies.of(latencies.stream().mapToLong(Long::longValue).toArray()));
        }
        finally {
            for (Connection connection : opened) {
                try {
                    connection.close();
                }
                catch (SQLException _) {
                    // the server may be gone after a failed run; the result is reported already
                }
            }
        }
    }
}
