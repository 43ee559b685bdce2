package io.timefusion.bench;

import io.timefusion.gateway.ingest.IngestColumn;
import io.timefusion.gateway.ingest.IngestTable;
import io.timefusion.gateway.ingest.RowBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows in the shape of the main client's INSERTs: 88 of the table's columns (all but {@code date}, which is derived,
 * and {@code message_size_bytes}), one value per cell, about a fifth of the nullable cells NULL, spread over 3
 * projects and 2 days. Values are drawn from a seeded generator; ids are unique across every generator of a run.
 */
final class WideLogRows
{
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final String[] WORDS = {"GET", "POST", "/api/v1/users", "timeout", "ok", "checkout-service", "żółć", "db.query",
            "span", "error: connection reset by peer", "200", "frontend", "eu-west-1", "🚀"};

    private final List<IngestColumn> columns;
    private final Random random;

    WideLogRows(IngestTable table, long seed)
    {
        this.columns = table.columns().stream()
                .filter(column -> !column.name().equals("date") && !column.name().equals("message_size_bytes"))
                .toList();
        this.random = new Random(seed);
    }

    List<IngestColumn> columns()
    {
        return columns;
    }

    List<String> columnNames()
    {
        return columns.stream().map(IngestColumn::name).toList();
    }

    RowBatch batch(int rows)
    {
        List<Object[]> values = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            values.add(row());
        }
        return new RowBatch(BenchCluster.TABLE, columnNames(), values);
    }

    Object[] row()
    {
        long id = NEXT_ID.incrementAndGet();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            IngestColumn column = columns.get(i);
            row[i] = switch (column.name()) {
                case "id" -> "wide-" + id;
                case "project_id" -> "p" + (id % 3);
                case "timestamp" -> Instant.parse("2025-06-01T00:00:00Z").plusMillis(random.nextLong(2 * 86_400_000L)).plusNanos(random.nextInt(1000) * 1000L);
                default -> column.nullable() && random.nextInt(5) == 0 ? null : value(column);
            };
        }
        return row;
    }

    private Object value(IngestColumn column)
    {
        return switch (column.type()) {
            case VARCHAR -> words(1 + random.nextInt(4));
            case JSON -> "{\"service\":\"%s\",\"n\":%d,\"tags\":[\"%s\",\"%s\"]}".formatted(word(), random.nextInt(10_000), word(), word());
            case INTEGER -> random.nextInt(65_536);
            case BIGINT -> random.nextLong(1_000_000_000L);
            case BOOLEAN -> random.nextBoolean();
            case TIMESTAMPTZ -> Instant.parse("2025-06-01T00:00:00Z").plusMillis(random.nextLong(2 * 86_400_000L));
            case DATE -> throw new IllegalStateException("no date column is generated");
            case VARCHAR_ARRAY -> List.of(word(), word());
        };
    }

    private String words(int count)
    {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(word());
        }
        return text.toString();
    }

    private String word()
    {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
