package io.timefusion.gateway.ingest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Rows for one target table, as the gateway parsed them from a client's INSERT or COPY. {@code columns} is any
 * subset of the table's columns in any order (the others are NULL; {@code date} is always derived from
 * {@code timestamp}); each row holds one value per column, as {@link ColumnValues} produces them: String
 * (varchar, JSON text), Integer, Long, Boolean, Instant (timestamptz, microseconds), LocalDate, List of String
 * (text[]) or null.
 */
public record RowBatch(String table, List<String> columns, List<Object[]> rows)
{
    public RowBatch
    {
        requireNonNull(table, "table is null");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int rowCount()
    {
        return rows.size();
    }
}
