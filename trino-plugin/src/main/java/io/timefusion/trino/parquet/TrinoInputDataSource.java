package io.timefusion.trino.parquet;

import io.trino.filesystem.TrinoInput;
import io.trino.filesystem.TrinoInputFile;
import io.trino.parquet.AbstractParquetDataSource;
import io.trino.parquet.ParquetDataSourceId;
import io.trino.parquet.ParquetReaderOptions;

import java.io.IOException;

/**
 * A Parquet data source over a Trino filesystem file. trino-parquet ships the reader but not this adapter
 * (Trino keeps its own in trino-hive, which a plugin cannot depend on), so it is written here.
 */
public final class TrinoInputDataSource
        extends AbstractParquetDataSource
{
    private final TrinoInput input;

    public TrinoInputDataSource(TrinoInputFile file, ParquetReaderOptions options)
            throws IOException
    {
        super(new ParquetDataSourceId(file.location().toString()), file.length(), options);
        this.input = file.newInput();
    }

    @Override
    protected void readInternal(long position, byte[] buffer, int bufferOffset, int bufferLength)
            throws IOException
    {
        input.readFully(position, buffer, bufferOffset, bufferLength);
    }

    @Override
    public void close()
            throws IOException
    {
        input.close();
    }
}
