package io.timefusion.trino.maintenance;

import io.airlift.slice.Slice;
import io.timefusion.trino.parquet.ParquetFileReader;
import io.timefusion.trino.write.DataFileSchema;
import io.trino.filesystem.Location;
import io.trino.filesystem.local.LocalFileSystem;
import io.trino.parquet.writer.ParquetWriter;
import io.trino.parquet.writer.ParquetWriterOptions;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.Type;
import org.apache.parquet.format.CompressionCodec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.trino.memory.context.AggregatedMemoryContext.newSimpleAggregatedMemoryContext;

/**
 * Sorted rows OPTIMIZE moved out of memory: a Parquet file on the worker's local disk (Snappy: written once, read once,
 * so speed matters more than size), with the write-order columns of the {@link SortLayout}. Deleted when closed.
 */
final class SpilledRun
        implements AutoCloseable
{
    private final Path file;
    private final SortLayout layout;

    private SpilledRun(Path file, SortLayout layout)
    {
        this.file = file;
        this.layout = layout;
    }

    /** Writes every row of {@code rows}, in its order, to a new file in {@code directory}. */
    static SpilledRun write(Path directory, SortLayout layout, RowCursor rows)
            throws IOException
    {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "timefusion-optimize-", ".parquet");
        try {
            DataFileSchema schema = DataFileSchema.of(layout.dataColumns(), List.of(SortLayout.RANK, SortLayout.POSITION));
            List<Type> types = layout.types();
            try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                    ParquetWriter writer = new ParquetWriter(output, schema.messageType(), schema.primitiveTypes(), ParquetWriterOptions.builder().build(),
                            CompressionCodec.SNAPPY, "TimeFusion", Optional.empty(), Optional.empty())) {
                PageBuilder page = new PageBuilder(types);
                while (rows.advance()) {
                    page.declarePosition();
                    for (int channel = 0; channel < types.size(); channel++) {
                        types.get(channel).appendTo(rows.page().getBlock(channel), rows.position(), page.getBlockBuilder(channel));
                    }
                    if (page.isFull()) {
                        writer.write(page.build());
                        page.reset();
                    }
                }
                if (!page.isEmpty()) {
                    writer.write(page.build());
                }
            }
            return new SpilledRun(file, layout);
        }
        catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    RowCursor open()
            throws IOException
    {
        LocalFileSystem fileSystem = new LocalFileSystem(file.getParent());
        ParquetFileReader reader = ParquetFileReader.open(fileSystem.newInputFile(Location.of("local:///" + file.getFileName())),
                layout.allColumnsToRead(), TupleDomain.all(), newSimpleAggregatedMemoryContext());
        return new RunCursor(reader, layout);
    }

    @Override
    public void close()
            throws IOException
    {
        Files.deleteIfExists(file);
    }

    private static final class RunCursor
            implements RowCursor
    {
        private final ParquetFileReader reader;
        private final SortLayout layout;
        private Page page;
        private int position;

        RunCursor(ParquetFileReader reader, SortLayout layout)
        {
            this.reader = reader;
            this.layout = layout;
        }

        @Override
        public boolean advance()
                throws IOException
        {
            position++;
            while (page == null || position >= page.getPositionCount()) {
                page = reader.nextPage();
                position = 0;
                if (page == null) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Page page()
        {
            return page;
        }

        @Override
        public int position()
        {
            return position;
        }

        @Override
        public long epochMicros()
        {
            return layout.epochMicros(page, position);
        }

        @Override
        public Slice id()
        {
            return layout.id(page, position);
        }

        @Override
        public long rank()
        {
            return layout.rank(page, position);
        }

        @Override
        public long writePosition()
        {
            return layout.writePosition(page, position);
        }

        @Override
        public void close()
                throws IOException
        {
            reader.close();
        }
    }
}
