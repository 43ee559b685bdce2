package io.timefusion.bench;

import io.timefusion.trino.metadata.TableColumn;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Log rows as all 88 cells of the table, in column order: the 23 columns {@link LogRowGenerator} fills, NULL in the
 * others. Cells are what a client binds: text (timestamps, JSON and arrays spelled as PostgreSQL reads them),
 * Integer or Long.
 */
final class OtelRows
{
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private final LogRowGenerator generator = new LogRowGenerator();
    private final String idPrefix;
    private long sequence;

    /** @param idPrefix makes the ids of this generator unique among the benchmark's runs */
    OtelRows(String idPrefix)
    {
        this.idPrefix = idPrefix;
    }

    synchronized List<Object[]> next(int count)
    {
        List<Object[]> rows = new ArrayList<>(count);
        for (LogRow row : generator.next(count)) {
            rows.add(cells(row, idPrefix + "-" + sequence++));
        }
        return rows;
    }

    private static Object[] cells(LogRow row, String id)
    {
        Map<String, Object> values = new HashMap<>();
        values.put("timestamp", TIMESTAMP.format(row.timestamp()));
        values.put("observed_timestamp", TIMESTAMP.format(row.observedTimestamp()));
        values.put("id", id);
        values.put("parent_id", row.parentId());
        values.put("hashes", "{" + String.join(",", row.hashes()) + "}");
        values.put("name", row.name());
        values.put("kind", row.kind());
        values.put("status_code", row.statusCode());
        values.put("level", row.level());
        values.put("severity___severity_text", row.severityText());
        values.put("severity___severity_number", row.severityNumber());
        values.put("body", row.body());
        values.put("duration", row.durationNanos());
        values.put("context___trace_id", row.traceId());
        values.put("context___span_id", row.spanId());
        values.put("attributes", row.attributes());
        values.put("attributes___http___request___method", row.httpMethod());
        values.put("attributes___http___response___status_code", row.httpStatus());
        values.put("attributes___url___path", row.urlPath());
        values.put("resource", row.resource());
        values.put("resource___service___name", row.serviceName());
        values.put("project_id", row.projectId());
        values.put("date", row.timestamp().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        Object[] cells = new Object[OtelTable.COLUMNS.size()];
        for (TableColumn column : OtelTable.COLUMNS) {
            cells[column.ordinal()] = values.get(column.name());
        }
        return cells;
    }

    /** One row as a line of COPY … WITH (FORMAT csv): NULL is an unquoted empty field, every value is quoted. */
    static void appendCsv(StringBuilder out, Object[] cells)
    {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (cells[i] != null) {
                out.append('"').append(cells[i].toString().replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }
}
