package io.timefusion.trino.delta;

import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;

import java.util.stream.Collectors;

/** The Delta {@code schemaString} of otel_logs_and_spans: a Spark-style struct type in JSON. */
final class DeltaTableSchema
{
    private DeltaTableSchema() {}

    static String schemaString(OtelLogsAndSpansTable table)
    {
        return table.columns().stream()
                .map(DeltaTableSchema::field)
                .collect(Collectors.joining(",", "{\"type\":\"struct\",\"fields\":[", "]}"));
    }

    private static String field(TableColumn column)
    {
        return "{\"name\":%s,\"type\":%s,\"nullable\":%s,\"metadata\":{}}".formatted(
                DeltaJson.toJson(column.name()), column.deltaType().schemaJson(), column.nullable());
    }
}
