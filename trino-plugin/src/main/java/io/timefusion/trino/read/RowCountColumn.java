package io.timefusion.trino.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.type.Type;

import static io.trino.spi.type.BigintType.BIGINT;

/** {@code count(*)} per group as a column of a scan that counts rows itself ({@link ScanPushdown#applyAggregation}). */
public record RowCountColumn(@JsonProperty("name") String name)
        implements ColumnHandle
{
    public static final RowCountColumn COUNT = new RowCountColumn("count(*)");
    public static final Type TYPE = BIGINT;

    @JsonCreator
    public RowCountColumn {}

    @Override
    public String toString()
    {
        return name;
    }
}
