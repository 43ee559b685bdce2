package io.timefusion.trino.metadata;

import com.google.common.collect.ImmutableList;
import com.google.inject.Inject;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.StandardTypes;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeManager;
import io.trino.spi.type.TypeSignature;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.google.common.collect.ImmutableMap.toImmutableMap;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * The table {@code public.otel_logs_and_spans} as DESIGN §4 fixes it. The column names are a contract
 * with existing clients, typos included; their order is the order of {@code SELECT *}.
 */
public final class OtelLogsAndSpansTable
{
    public static final String SCHEMA = "public";
    public static final String TABLE = "otel_logs_and_spans";
    public static final SchemaTableName NAME = new SchemaTableName(SCHEMA, TABLE);

    public static final String TIMESTAMP = "timestamp";
    public static final String ID = "id";
    public static final String PROJECT_ID = "project_id";
    public static final String DATE_COLUMN = "date";
    public static final String HASHES = "hashes";
    public static final String SUMMARY = "summary";

    /** Delta partition columns, in directory order: project_id=…/date=…/ */
    public static final List<String> PARTITION_COLUMNS = ImmutableList.of(PROJECT_ID, DATE_COLUMN);

    /** Columns whose min/max/nullCount go into every add action (DESIGN §3: the hot columns). */
    public static final List<String> STATISTICS_COLUMNS = ImmutableList.of(
            TIMESTAMP, ID, "name", "level", "status_code", "resource___service___name", "duration");

    private final List<TableColumn> columns;
    private final Map<String, TableColumn> columnsByName;

    @Inject
    public OtelLogsAndSpansTable(TypeManager typeManager)
    {
        this(typeManager.getType(new TypeSignature(StandardTypes.JSON)));
    }

    public OtelLogsAndSpansTable(Type jsonType)
    {
        ColumnListBuilder builder = new ColumnListBuilder(jsonType);
        builder.tstz("timestamp", false).tstz("observed_timestamp", true)
                .varchar("id", false).varchar("parent_id", true)
                .stringArray("hashes")
                .varchar("name", true).varchar("kind", true).varchar("status_code", true).varchar("status_message", true).varchar("level", true)
                .json("severity").varchar("severity___severity_text", true).integer("severity___severity_number")
                .json("body").bigint("duration").tstz("start_time", true).tstz("end_time", true)
                .json("context").varchar("context___trace_id", true).varchar("context___span_id", true)
                .varchar("context___trace_state", true).varchar("context___trace_flags", true).bool("context___is_remote")
                .json("events").varchar("links", true).json("attributes")
                .varchar("attributes___client___address", true).integer("attributes___client___port")
                .varchar("attributes___server___address", true).integer("attributes___server___port")
                .varchar("attributes___network___local__address", true).integer("attributes___network___local__port")
                .varchar("attributes___network___peer___address", true).integer("attributes___network___peer__port")
                .varchar("attributes___network___protocol___name", true).varchar("attributes___network___protocol___version", true)
                .varchar("attributes___network___transport", true).varchar("attributes___network___type", true)
                .integer("attributes___code___number").varchar("attributes___code___file___path", true)
                .varchar("attributes___code___function___name", true).integer("attributes___code___line___number")
                .varchar("attributes___code___stacktrace", true).varchar("attributes___log__record___original", true)
                .varchar("attributes___log__record___uid", true).varchar("attributes___error___type", true)
                .varchar("attributes___exception___type", true).varchar("attributes___exception___message", true)
                .varchar("attributes___exception___stacktrace", true).varchar("attributes___url___fragment", true)
                .varchar("attributes___url___full", true).varchar("attributes___url___path", true)
                .varchar("attributes___url___query", true).varchar("attributes___url___scheme", true)
                .varchar("attributes___user_agent___original", true).varchar("attributes___http___request___method", true)
                .varchar("attributes___http___request___method_original", true)
                .integer("attributes___http___response___status_code").integer("attributes___http___request___resend_count")
                .bigint("attributes___http___request___body___size")
                .varchar("attributes___session___id", true).varchar("attributes___session___previous___id", true)
                .varchar("attributes___db___system___name", true).varchar("attributes___db___collection___name", true)
                .varchar("attributes___db___namespace", true).varchar("attributes___db___operation___name", true)
                .varchar("attributes___db___response___status_code", true).integer("attributes___db___operation___batch___size")
                .varchar("attributes___db___query___summary", true).varchar("attributes___db___query___text", true)
                .varchar("attributes___user___id", true).varchar("attributes___user___email", true)
                .varchar("attributes___user___full_name", true).varchar("attributes___user___name", true)
                .varchar("attributes___user___hash", true)
                .json("resource").varchar("resource___service___name", true).varchar("resource___service___version", true)
                .varchar("resource___service___instance___id", true).varchar("resource___service___namespace", true)
                .varchar("resource___deployment___environment___name", true).varchar("resource___telemetry___sdk___language", true)
                .varchar("resource___telemetry___sdk___name", true).varchar("resource___telemetry___sdk___version", true)
                .varchar("resource___user_agent___original", true)
                .varchar("project_id", false)
                .stringArray("summary").json("errors").bigint("message_size_bytes")
                .date("date");
        this.columns = builder.build();
        this.columnsByName = columns.stream().collect(toImmutableMap(TableColumn::name, Function.identity()));
    }

    public List<TableColumn> columns()
    {
        return columns;
    }

    public TableColumn column(String name)
    {
        TableColumn column = columnsByName.get(name);
        if (column == null) {
            throw new IllegalArgumentException("otel_logs_and_spans has no column " + name);
        }
        return column;
    }

    public static boolean isPartitionColumn(String name)
    {
        return PARTITION_COLUMNS.contains(name);
    }

    /** The columns that decide where a row is stored (its partition and its place in a file's order): fixed once written. */
    public static boolean isStorageKeyColumn(String name)
    {
        return isPartitionColumn(name) || name.equals(TIMESTAMP);
    }

    /** The columns stored inside the Parquet files: all but the partition columns (the Delta convention). */
    public List<TableColumn> dataColumns()
    {
        return columns.stream().filter(column -> !isPartitionColumn(column.name())).collect(ImmutableList.toImmutableList());
    }

    private static final class ColumnListBuilder
    {
        private final Type jsonType;
        private final ImmutableList.Builder<TableColumn> columns = ImmutableList.builder();
        private int ordinal;

        private ColumnListBuilder(Type jsonType)
        {
            this.jsonType = jsonType;
        }

        ColumnListBuilder tstz(String name, boolean nullable)
        {
            return add(name, TIMESTAMP_TZ_MICROS, DeltaType.TIMESTAMP, nullable);
        }

        ColumnListBuilder varchar(String name, boolean nullable)
        {
            return add(name, VARCHAR, DeltaType.STRING, nullable);
        }

        ColumnListBuilder json(String name)
        {
            return add(name, jsonType, DeltaType.STRING, true);
        }

        ColumnListBuilder integer(String name)
        {
            return add(name, INTEGER, DeltaType.INTEGER, true);
        }

        ColumnListBuilder bigint(String name)
        {
            return add(name, BIGINT, DeltaType.LONG, true);
        }

        ColumnListBuilder bool(String name)
        {
            return add(name, BOOLEAN, DeltaType.BOOLEAN, true);
        }

        ColumnListBuilder stringArray(String name)
        {
            return add(name, new ArrayType(VARCHAR), DeltaType.STRING_ARRAY, true);
        }

        ColumnListBuilder date(String name)
        {
            return add(name, DATE, DeltaType.DATE, false);
        }

        private ColumnListBuilder add(String name, Type type, DeltaType deltaType, boolean nullable)
        {
            columns.add(new TableColumn(name, type, deltaType, nullable, ordinal++));
            return this;
        }

        List<TableColumn> build()
        {
            return columns.build();
        }
    }
}
