package io.timefusion.trino.ingest;

import com.google.inject.Inject;
import io.airlift.slice.Slices;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.trino.spi.Page;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.function.table.ConnectorTableFunctionHandle;
import io.trino.spi.function.table.TableFunctionProcessorProvider;
import io.trino.spi.function.table.TableFunctionProcessorState;
import io.trino.spi.function.table.TableFunctionSplitProcessor;

import static io.trino.spi.function.table.TableFunctionProcessorState.Finished.FINISHED;
import static io.trino.spi.function.table.TableFunctionProcessorState.Processed.produced;
import static java.lang.Math.min;

/** Decodes the batch of an ingest_batch call on the worker and hands its rows on in pages of bounded size. */
public class IngestBatchProcessorProvider
        implements TableFunctionProcessorProvider
{
    private static final int ROWS_PER_PAGE = 8192;

    private final BatchDecoder decoder;

    @Inject
    public IngestBatchProcessorProvider(OtelLogsAndSpansTable table)
    {
        this.decoder = new BatchDecoder(table);
    }

    @Override
    public TableFunctionSplitProcessor getSplitProcessor(ConnectorSession session, ConnectorTableFunctionHandle handle, ConnectorSplit split)
    {
        byte[] batch = ((IngestBatchHandle) handle).batch();
        return new TableFunctionSplitProcessor()
        {
            private Page rows;
            private int offset;

            @Override
            public TableFunctionProcessorState process()
            {
                if (rows == null) {
                    rows = decoder.decode(Slices.wrappedBuffer(batch));
                }
                if (offset >= rows.getPositionCount()) {
                    return FINISHED;
                }
                int length = min(ROWS_PER_PAGE, rows.getPositionCount() - offset);
                Page page = rows.getRegion(offset, length);
                offset += length;
                return produced(page);
            }
        };
    }
}
