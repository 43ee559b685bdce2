package io.timefusion.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.timefusion.bench.ColumnType.BIGINT;
import static io.timefusion.bench.ColumnType.DATE;
import static io.timefusion.bench.ColumnType.INTEGER;
import static io.timefusion.bench.ColumnType.JSON;
import static io.timefusion.bench.ColumnType.TIMESTAMP_TZ;
import static io.timefusion.bench.ColumnType.VARCHAR;
import static io.timefusion.bench.ColumnType.VARCHAR_ARRAY;

/** The 23 columns of otel_logs_and_spans the benchmark fills, in INSERT column-list order, and where each value comes from. */
final class LogColumns
{
    record Column(String name, ColumnType type, Function<LogRow, Object> value)
    {
        /** Double-quoted: {@code timestamp} and {@code date} are also type names. */
        String identifier()
        {
            return '"' + name + '"';
        }
    }

    static final List<Column> ALL = List.of(
            new Column("timestamp", TIMESTAMP_TZ, LogRow::timestamp),
            new Column("observed_timestamp", TIMESTAMP_TZ, LogRow::observedTimestamp),
            new Column("id", VARCHAR, LogRow::id),
            new Column("parent_id", VARCHAR, LogRow::parentId),
            new Column("hashes", VARCHAR_ARRAY, LogRow::hashes),
            new Column("name", VARCHAR, LogRow::name),
            new Column("kind", VARCHAR, LogRow::kind),
            new Column("status_code", VARCHAR, LogRow::statusCode),
            new Column("level", VARCHAR, LogRow::level),
            new Column("severity___severity_text", VARCHAR, LogRow::severityText),
            new Column("severity___severity_number", INTEGER, LogRow::severityNumber),
            new Column("body", JSON, LogRow::body),
            new Column("duration", BIGINT, LogRow::durationNanos),
            new Column("context___trace_id", VARCHAR, LogRow::traceId),
            new Column("context___span_id", VARCHAR, LogRow::spanId),
            new Column("attributes", JSON, LogRow::attributes),
            new Column("attributes___http___request___method", VARCHAR, LogRow::httpMethod),
            new Column("attributes___http___response___status_code", INTEGER, LogRow::httpStatus),
            new Column("attributes___url___path", VARCHAR, LogRow::urlPath),
            new Column("resource", JSON, LogRow::resource),
            new Column("resource___service___name", VARCHAR, LogRow::serviceName),
            new Column("project_id", VARCHAR, LogRow::projectId),
            // the connector recomputes date from timestamp; clients still have to send the NOT NULL column
            new Column("date", DATE, row -> LocalDate.ofInstant(row.timestamp(), ZoneOffset.UTC)));

    private LogColumns() {}

    /** {@code ("timestamp", "observed_timestamp", …)} */
    static String columnList()
    {
        return ALL.stream().map(Column::identifier).collect(Collectors.joining(", ", "(", ")"));
    }
}
