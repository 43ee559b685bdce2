package io.timefusion.trino.write;

import com.google.common.collect.ImmutableMap;
import io.timefusion.trino.metadata.TableColumn;
import io.trino.spi.type.Type;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.util.List;
import java.util.Map;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

/**
 * The Parquet schema of a data file, built by hand because trino-parquet's converter does not take
 * {@code timestamp(6) with time zone} (it becomes INT64 TIMESTAMP(MICROS, UTC), Delta's {@code timestamp}).
 * JSON columns are UTF-8 strings, written through the varchar writer: both share one block layout.
 */
public record DataFileSchema(MessageType messageType, Map<List<String>, Type> primitiveTypes)
{
    public static DataFileSchema of(List<TableColumn> columns)
    {
        return of(columns, List.of());
    }

    /** The data columns followed by non-null INT64 columns of the given names (OPTIMIZE's spilled runs carry their sort order so). */
    public static DataFileSchema of(List<TableColumn> columns, List<String> extraBigintColumns)
    {
        Types.MessageTypeBuilder message = Types.buildMessage();
        ImmutableMap.Builder<List<String>, Type> primitiveTypes = ImmutableMap.builder();
        for (TableColumn column : columns) {
            String name = column.name();
            switch (column.deltaType()) {
                case STRING -> {
                    message.optional(BINARY).as(stringType()).named(name);
                    primitiveTypes.put(List.of(name), VARCHAR);
                }
                case INTEGER -> {
                    message.optional(INT32).named(name);
                    primitiveTypes.put(List.of(name), INTEGER);
                }
                case LONG -> {
                    message.optional(INT64).named(name);
                    primitiveTypes.put(List.of(name), BIGINT);
                }
                case BOOLEAN -> {
                    message.optional(PrimitiveTypeName.BOOLEAN).named(name);
                    primitiveTypes.put(List.of(name), BOOLEAN);
                }
                case TIMESTAMP -> {
                    message.optional(INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
                    primitiveTypes.put(List.of(name), TIMESTAMP_TZ_MICROS);
                }
                case STRING_ARRAY -> {
                    message.optionalList().optionalElement(BINARY).as(stringType()).named(name);
                    primitiveTypes.put(List.of(name, "list", "element"), VARCHAR);
                }
                case DATE -> throw new IllegalArgumentException("date is a partition column and not stored in data files");
                default -> throw new IllegalArgumentException("Unexpected Delta type " + column.deltaType());
            }
        }
        for (String name : extraBigintColumns) {
            message.required(INT64).named(name);
            primitiveTypes.put(List.of(name), BIGINT);
        }
        return new DataFileSchema(message.named("otel_logs_and_spans"), primitiveTypes.buildOrThrow());
    }
}
