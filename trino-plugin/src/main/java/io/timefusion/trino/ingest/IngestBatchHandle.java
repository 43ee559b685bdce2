package io.timefusion.trino.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.function.table.ConnectorTableFunctionHandle;

import static java.util.Objects.requireNonNull;

/** One call of ingest_batch: the encoded batch, carried with the plan to the worker that decodes it. */
public record IngestBatchHandle(@JsonProperty("batch") byte[] batch)
        implements ConnectorTableFunctionHandle
{
    @JsonCreator
    public IngestBatchHandle
    {
        requireNonNull(batch, "batch is null");
    }
}
