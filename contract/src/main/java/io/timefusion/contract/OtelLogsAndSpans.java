package io.timefusion.contract;

import java.util.List;

import static io.timefusion.contract.BatchColumnType.BIGINT;
import static io.timefusion.contract.BatchColumnType.BOOLEAN;
import static io.timefusion.contract.BatchColumnType.DATE;
import static io.timefusion.contract.BatchColumnType.INTEGER;
import static io.timefusion.contract.BatchColumnType.JSON;
import static io.timefusion.contract.BatchColumnType.TIMESTAMPTZ;
import static io.timefusion.contract.BatchColumnType.VARCHAR;
import static io.timefusion.contract.BatchColumnType.VARCHAR_ARRAY;

/**
 * The table {@code public.otel_logs_and_spans}: its columns, in the order of {@code SELECT *}, as the connector defines
 * the table and the gateway's translator resolves names against it (Postgres resolves a GROUP BY name to a column of
 * the table before an output column's alias). The column names are a contract with existing clients, typos included.
 */
public final class OtelLogsAndSpans
{
    public static final String SCHEMA = "public";
    public static final String TABLE = "otel_logs_and_spans";

    /** A column: its name, the type it has (as the batch format names types) and whether it may be NULL. */
    public record Column(String name, BatchColumnType type, boolean nullable) {}

    public static final List<Column> COLUMNS = List.of(
            column("timestamp", TIMESTAMPTZ, false),
            column("observed_timestamp", TIMESTAMPTZ, true),
            column("id", VARCHAR, false),
            column("parent_id", VARCHAR, true),
            nullable("hashes", VARCHAR_ARRAY),
            column("name", VARCHAR, true),
            column("kind", VARCHAR, true),
            column("status_code", VARCHAR, true),
            column("status_message", VARCHAR, true),
            column("level", VARCHAR, true),
            nullable("severity", JSON),
            column("severity___severity_text", VARCHAR, true),
            nullable("severity___severity_number", INTEGER),
            nullable("body", JSON),
            nullable("duration", BIGINT),
            column("start_time", TIMESTAMPTZ, true),
            column("end_time", TIMESTAMPTZ, true),
            nullable("context", JSON),
            column("context___trace_id", VARCHAR, true),
            column("context___span_id", VARCHAR, true),
            column("context___trace_state", VARCHAR, true),
            column("context___trace_flags", VARCHAR, true),
            nullable("context___is_remote", BOOLEAN),
            nullable("events", JSON),
            column("links", VARCHAR, true),
            nullable("attributes", JSON),
            column("attributes___client___address", VARCHAR, true),
            nullable("attributes___client___port", INTEGER),
            column("attributes___server___address", VARCHAR, true),
            nullable("attributes___server___port", INTEGER),
            column("attributes___network___local__address", VARCHAR, true),
            nullable("attributes___network___local__port", INTEGER),
            column("attributes___network___peer___address", VARCHAR, true),
            nullable("attributes___network___peer__port", INTEGER),
            column("attributes___network___protocol___name", VARCHAR, true),
            column("attributes___network___protocol___version", VARCHAR, true),
            column("attributes___network___transport", VARCHAR, true),
            column("attributes___network___type", VARCHAR, true),
            nullable("attributes___code___number", INTEGER),
            column("attributes___code___file___path", VARCHAR, true),
            column("attributes___code___function___name", VARCHAR, true),
            nullable("attributes___code___line___number", INTEGER),
            column("attributes___code___stacktrace", VARCHAR, true),
            column("attributes___log__record___original", VARCHAR, true),
            column("attributes___log__record___uid", VARCHAR, true),
            column("attributes___error___type", VARCHAR, true),
            column("attributes___exception___type", VARCHAR, true),
            column("attributes___exception___message", VARCHAR, true),
            column("attributes___exception___stacktrace", VARCHAR, true),
            column("attributes___url___fragment", VARCHAR, true),
            column("attributes___url___full", VARCHAR, true),
            column("attributes___url___path", VARCHAR, true),
            column("attributes___url___query", VARCHAR, true),
            column("attributes___url___scheme", VARCHAR, true),
            column("attributes___user_agent___original", VARCHAR, true),
            column("attributes___http___request___method", VARCHAR, true),
            column("attributes___http___request___method_original", VARCHAR, true),
            nullable("attributes___http___response___status_code", INTEGER),
            nullable("attributes___http___request___resend_count", INTEGER),
            nullable("attributes___http___request___body___size", BIGINT),
            column("attributes___session___id", VARCHAR, true),
            column("attributes___session___previous___id", VARCHAR, true),
            column("attributes___db___system___name", VARCHAR, true),
            column("attributes___db___collection___name", VARCHAR, true),
            column("attributes___db___namespace", VARCHAR, true),
            column("attributes___db___operation___name", VARCHAR, true),
            column("attributes___db___response___status_code", VARCHAR, true),
            nullable("attributes___db___operation___batch___size", INTEGER),
            column("attributes___db___query___summary", VARCHAR, true),
            column("attributes___db___query___text", VARCHAR, true),
            column("attributes___user___id", VARCHAR, true),
            column("attributes___user___email", VARCHAR, true),
            column("attributes___user___full_name", VARCHAR, true),
            column("attributes___user___name", VARCHAR, true),
            column("attributes___user___hash", VARCHAR, true),
            nullable("resource", JSON),
            column("resource___service___name", VARCHAR, true),
            column("resource___service___version", VARCHAR, true),
            column("resource___service___instance___id", VARCHAR, true),
            column("resource___service___namespace", VARCHAR, true),
            column("resource___deployment___environment___name", VARCHAR, true),
            column("resource___telemetry___sdk___language", VARCHAR, true),
            column("resource___telemetry___sdk___name", VARCHAR, true),
            column("resource___telemetry___sdk___version", VARCHAR, true),
            column("resource___user_agent___original", VARCHAR, true),
            column("project_id", VARCHAR, false),
            nullable("summary", VARCHAR_ARRAY),
            nullable("errors", JSON),
            nullable("message_size_bytes", BIGINT),
            column("date", DATE, false));

    private OtelLogsAndSpans() {}

    private static Column column(String name, BatchColumnType type, boolean nullable)
    {
        return new Column(name, type, nullable);
    }

    private static Column nullable(String name, BatchColumnType type)
    {
        return new Column(name, type, true);
    }
}
