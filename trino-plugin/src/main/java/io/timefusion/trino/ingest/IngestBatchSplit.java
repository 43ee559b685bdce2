package io.timefusion.trino.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.trino.spi.connector.ConnectorSplit;

/** The one split of an ingest_batch call: a batch is decoded by one driver, its rows are spread by the writers. */
public record IngestBatchSplit()
        implements ConnectorSplit
{
    @JsonCreator
    public IngestBatchSplit {}
}
