package io.timefusion.trino.metadata;

import com.google.common.collect.ImmutableList;
import com.google.inject.Inject;
import io.timefusion.contract.BatchColumnType;
import io.timefusion.contract.OtelLogsAndSpans;
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
 * The table {@code public.otel_logs_and_spans} in Trino's and Delta's types: the columns of the contract's
 * {@link OtelLogsAndSpans}, whose order is the order of {@code SELECT *}.
 */
public final class OtelLogsAndSpansTable
{
    public static final String SCHEMA = OtelLogsAndSpans.SCHEMA;
    public static final String TABLE = OtelLogsAndSpans.TABLE;
    public static final SchemaTableName NAME = new SchemaTableName(SCHEMA, TABLE);

    public static final String TIMESTAMP = "timestamp";
    public static final String ID = "id";
    public static final String PROJECT_ID = "project_id";
    public static final String DATE_COLUMN = "date";
    public static final String HASHES = "hashes";
    public static final String SUMMARY = "summary";
    public static final String TRACE_ID = "context___trace_id";

    /** Delta partition columns, in directory order: project_id=…/date=…/ */
    public static final List<String> PARTITION_COLUMNS = ImmutableList.of(PROJECT_ID, DATE_COLUMN);

    /** Columns whose min/max/nullCount go into every add action (docs/storage.md: the hot columns). */
    public static final List<String> STATISTICS_COLUMNS = ImmutableList.of(
            TIMESTAMP, ID, "name", "level", "status_code", "resource___service___name", "duration");

    /**
     * Columns looked up by one value whose row groups get a Parquet bloom filter: ids and trace ids are random, so
     * their min/max rule nothing out, while a bloom filter rules out nearly every row group without the value.
     */
    public static final List<String> BLOOM_FILTER_COLUMNS = ImmutableList.of(ID, TRACE_ID);

    private final List<TableColumn> columns;
    private final Map<String, TableColumn> columnsByName;

    @Inject
    public OtelLogsAndSpansTable(TypeManager typeManager)
    {
        this(typeManager.getType(new TypeSignature(StandardTypes.JSON)));
    }

    public OtelLogsAndSpansTable(Type jsonType)
    {
        ImmutableList.Builder<TableColumn> builder = ImmutableList.builder();
        int ordinal = 0;
        for (OtelLogsAndSpans.Column column : OtelLogsAndSpans.COLUMNS) {
            builder.add(new TableColumn(column.name(), trinoType(column.type(), jsonType), deltaType(column.type()), column.nullable(), ordinal++));
        }
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

    private static Type trinoType(BatchColumnType type, Type jsonType)
    {
        return switch (type) {
            case VARCHAR -> VARCHAR;
            case JSON -> jsonType;
            case INTEGER -> INTEGER;
            case BIGINT -> BIGINT;
            case BOOLEAN -> BOOLEAN;
            case TIMESTAMPTZ -> TIMESTAMP_TZ_MICROS;
            case DATE -> DATE;
            case VARCHAR_ARRAY -> new ArrayType(VARCHAR);
        };
    }

    private static DeltaType deltaType(BatchColumnType type)
    {
        return switch (type) {
            case VARCHAR, JSON -> DeltaType.STRING;
            case INTEGER -> DeltaType.INTEGER;
            case BIGINT -> DeltaType.LONG;
            case BOOLEAN -> DeltaType.BOOLEAN;
            case TIMESTAMPTZ -> DeltaType.TIMESTAMP;
            case DATE -> DeltaType.DATE;
            case VARCHAR_ARRAY -> DeltaType.STRING_ARRAY;
        };
    }
}
