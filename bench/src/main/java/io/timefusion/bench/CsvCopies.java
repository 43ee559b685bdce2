package io.timefusion.bench;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Loads generated rows into otel_logs_and_spans by COPY … FROM STDIN (FORMAT csv), all 88 columns, from several connections at once. */
final class CsvCopies
{
    interface Connector
    {
        Connection connect()
                throws SQLException;
    }

    /** The next {@code count} rows as the table's cells in column order. */
    interface RowSource
    {
        List<Object[]> next(int count);
    }

    private CsvCopies() {}

    /** Copies {@code rows} rows of {@code source} as COPYs of {@code rowsPerCopy} rows, each connection taking the next batch. */
    static void copy(String name, Connector connector, int connections, long rows, int rowsPerCopy, RowSource source)
            throws Exception
    {
        String sql = "COPY otel_logs_and_spans (%s) FROM STDIN WITH (FORMAT csv)".formatted(OtelTable.columnList());
        AtomicLong taken = new AtomicLong();
        ExecutorService executor = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Void>> clients = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                clients.add(executor.submit(() -> {
                    try (Connection connection = connector.connect()) {
                        for (long first = taken.getAndAdd(rowsPerCopy); first < rows; first = taken.getAndAdd(rowsPerCopy)) {
                            List<Object[]> batch = source.next((int) Math.min(rowsPerCopy, rows - first));
                            StringBuilder csv = new StringBuilder();
                            batch.forEach(row -> OtelRows.appendCsv(csv, row));
                            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
                            if (copied != batch.size()) {
                                throw new IllegalStateException("COPY reported %d rows, expected %d".formatted(copied, batch.size()));
                            }
                            if ((first + batch.size()) % 1_000_000 < rowsPerCopy) {
                                System.err.println("[copy] %s: %,d rows copied".formatted(name, first + batch.size()));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> client : clients) {
                client.get();
            }
        }
        finally {
            executor.shutdownNow();
        }
    }
}
