package io.timefusion.verifier;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

import static io.delta.kernel.internal.util.Utils.singletonCloseableIterator;

/**
 * Reads every live row of a snapshot the way a Delta reader must: only the scan files Kernel selects,
 * only the rows each selection vector keeps, partition values filled in by {@link Scan#transformPhysicalData}.
 * <p>
 * {@code ScanStateRow} and {@code InternalScanFileUtils} are Kernel-internal, but they are what Kernel's own
 * read examples use; the public API offers no other way to read a scan file.
 */
final class SnapshotRowScanner
{
    private final Engine engine;

    SnapshotRowScanner(Engine engine)
    {
        this.engine = engine;
    }

    /** Hands each row to {@code action}; rows carry the table's logical schema, partition columns included. */
    void scan(Snapshot snapshot, Consumer<Row> action)
            throws IOException
    {
        Scan scan = snapshot.getScanBuilder().build();
        Row scanState = scan.getScanState(engine);
        StructType physicalReadSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
        try (CloseableIterator<FilteredColumnarBatch> scanFileBatches = scan.getScanFiles(engine)) {
            while (scanFileBatches.hasNext()) {
                try (CloseableIterator<Row> scanFiles = scanFileBatches.next().getRows()) {
                    while (scanFiles.hasNext()) {
                        scanFile(scanState, physicalReadSchema, scanFiles.next(), action);
                    }
                }
            }
        }
    }

    private void scanFile(Row scanState, StructType physicalReadSchema, Row scanFile, Consumer<Row> action)
            throws IOException
    {
        FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
        CloseableIterator<ColumnarBatch> physicalData = engine.getParquetHandler()
                .readParquetFiles(singletonCloseableIterator(file), physicalReadSchema, Optional.empty())
                .map(FileReadResult::getData);
        try (CloseableIterator<FilteredColumnarBatch> logicalData = Scan.transformPhysicalData(engine, scanState, scanFile, physicalData)) {
            while (logicalData.hasNext()) {
                // getRows() skips the rows the selection vector (deletion vectors) drops
                try (CloseableIterator<Row> rows = logicalData.next().getRows()) {
                    rows.forEachRemaining(action);
                }
            }
        }
    }
}
