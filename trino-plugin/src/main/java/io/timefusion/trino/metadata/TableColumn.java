package io.timefusion.trino.metadata;

import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;

import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * One column of otel_logs_and_spans: its Trino type, its Delta type and whether it may be NULL.
 */
public record TableColumn(String name, Type type, DeltaType deltaType, boolean nullable, int ordinal)
{
    public TableColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(deltaType, "deltaType is null");
    }

    public ColumnMetadata metadata()
    {
        return ColumnMetadata.builder()
                .setName(name)
                .setType(type)
                .setNullable(nullable)
                .build();
    }

    /** The type as Parquet stores it: JSON is a UTF-8 string, read with the varchar reader (the blocks are the same). */
    public Type storedType()
    {
        return deltaType == DeltaType.STRING ? VARCHAR : type;
    }

    public TimeFusionColumnHandle handle()
    {
        return new TimeFusionColumnHandle(name, type, ordinal);
    }
}
