package io.timefusion.trino.ingest;

import com.google.inject.Inject;
import io.trino.spi.function.FunctionProvider;
import io.trino.spi.function.table.ConnectorTableFunctionHandle;
import io.trino.spi.function.table.TableFunctionProcessorProvider;

import static java.util.Objects.requireNonNull;

/** The implementations of the connector's functions: today the one table function, ingest_batch. */
public class TimeFusionFunctionProvider
        implements FunctionProvider
{
    private final IngestBatchProcessorProvider ingestBatch;

    @Inject
    public TimeFusionFunctionProvider(IngestBatchProcessorProvider ingestBatch)
    {
        this.ingestBatch = requireNonNull(ingestBatch, "ingestBatch is null");
    }

    @Override
    public TableFunctionProcessorProvider getTableFunctionProcessorProvider(ConnectorTableFunctionHandle functionHandle)
    {
        if (functionHandle instanceof IngestBatchHandle) {
            return ingestBatch;
        }
        throw new IllegalArgumentException("Unknown table function handle: " + functionHandle.getClass().getName());
    }
}
