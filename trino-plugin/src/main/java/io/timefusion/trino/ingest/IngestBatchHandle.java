package io.timefusion.trino.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.trino.spi.function.table.ConnectorTableFunctionHandle;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One call of ingest_batch: either the encoded batch itself, carried with the plan to the worker that decodes it,
 * or the one-time URL from which that worker fetches it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestBatchHandle(@JsonProperty("batch") byte[] batch, @JsonProperty("url") String url)
        implements ConnectorTableFunctionHandle
{
    @JsonCreator
    public IngestBatchHandle
    {
        checkArgument((batch == null) != (url == null), "exactly one of batch and url");
    }
}
