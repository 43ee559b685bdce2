package io.timefusion.trino.parquet;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.timefusion.trino.metadata.StoredTimestamps;
import io.trino.filesystem.TrinoInputFile;
import io.trino.memory.context.AggregatedMemoryContext;
import io.trino.parquet.Column;
import io.trino.parquet.Field;
import io.trino.parquet.ParquetDataSource;
import io.trino.parquet.ParquetReaderOptions;
import io.trino.parquet.metadata.ParquetMetadata;
import io.trino.parquet.predicate.TupleDomainParquetPredicate;
import io.trino.parquet.reader.MetadataReader;
import io.trino.parquet.reader.ParquetReader;
import io.trino.parquet.reader.RowGroupInfo;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.Type;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.io.ColumnIO;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.schema.MessageType;
import org.joda.time.DateTimeZone;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trino.parquet.ParquetTypeUtils.constructField;
import static io.trino.parquet.ParquetTypeUtils.getColumnIO;
import static io.trino.parquet.ParquetTypeUtils.getDescriptors;
import static io.trino.parquet.ParquetTypeUtils.lookupColumnByName;
import static io.trino.parquet.predicate.PredicateUtils.buildPredicate;
import static io.trino.parquet.predicate.PredicateUtils.getFilteredRowGroups;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;

/**
 * Reads the named top-level columns of one Parquet file as Trino pages, skipping row groups whose statistics
 * cannot match the predicate. Columns the file lacks come back as NULLs, so files written before a column
 * existed stay readable. Rows inside a matching row group are not filtered here (see read.RowFilter).
 */
public final class ParquetFileReader
        implements Closeable
{
    private static final int DOMAIN_COMPACTION_THRESHOLD = 1000;

    private final ParquetDataSource dataSource;
    private final ParquetReader reader;
    private final List<Type> types;
    private final int[] fileChannels;
    private final long rowGroupCount;
    private final long fileRowCount;

    private ParquetFileReader(ParquetDataSource dataSource, ParquetReader reader, List<Type> types, int[] fileChannels, long rowGroupCount, long fileRowCount)
    {
        this.fileRowCount = fileRowCount;
        this.dataSource = dataSource;
        this.reader = reader;
        this.types = types;
        this.fileChannels = fileChannels;
        this.rowGroupCount = rowGroupCount;
    }

    public record RequestedColumn(String name, Type type) {}

    public static ParquetFileReader open(
            TrinoInputFile file,
            List<RequestedColumn> columns,
            TupleDomain<String> predicate,
            AggregatedMemoryContext memoryContext)
            throws IOException
    {
        return open(file, columns, predicate, false, memoryContext);
    }

    /**
     * @param rowPositions whether {@link #lastBatchStartRow()} must number the rows of the file exactly: then pages are
     * not filtered by column indexes, which could skip rows inside a batch's range
     */
    public static ParquetFileReader open(
            TrinoInputFile file,
            List<RequestedColumn> columns,
            TupleDomain<String> predicate,
            boolean rowPositions,
            AggregatedMemoryContext memoryContext)
            throws IOException
    {
        return open(file, 0, Long.MAX_VALUE, columns, predicate, rowPositions, memoryContext);
    }

    /**
     * Reads only the row groups that start within {@code [start, start + length)} of the file; their rows keep their
     * positions in the whole file ({@link #lastBatchStartRow()}).
     */
    public static ParquetFileReader open(
            TrinoInputFile file,
            long start,
            long length,
            List<RequestedColumn> columns,
            TupleDomain<String> predicate,
            boolean rowPositions,
            AggregatedMemoryContext memoryContext)
            throws IOException
    {
        ParquetReaderOptions options = rowPositions
                ? ParquetReaderOptions.builder(ParquetReaderOptions.defaultOptions()).withUseColumnIndex(false).build()
                : ParquetReaderOptions.defaultOptions();
        ParquetDataSource dataSource = new TrinoInputDataSource(file, options);
        try {
            ParquetMetadata footer = MetadataReader.readFooter(dataSource, Optional.empty());
            MessageType fileSchema = footer.getFileMetaData().getSchema();
            MessageColumnIO messageColumnIO = getColumnIO(fileSchema, fileSchema);

            ImmutableList.Builder<Column> fileColumns = ImmutableList.builder();
            int[] fileChannels = new int[columns.size()];
            int nextChannel = 0;
            for (int i = 0; i < columns.size(); i++) {
                RequestedColumn column = columns.get(i);
                ColumnIO columnIO = lookupColumnByName(messageColumnIO, column.name());
                Optional<Field> field = columnIO == null ? Optional.empty() : constructField(column.type(), columnIO);
                if (field.isPresent()) {
                    fileColumns.add(new Column(column.name(), field.get()));
                    fileChannels[i] = nextChannel++;
                }
                else {
                    fileChannels[i] = -1;
                }
            }

            Map<List<String>, ColumnDescriptor> descriptors = getDescriptors(fileSchema, fileSchema);
            TupleDomain<ColumnDescriptor> parquetDomain = toParquetDomain(predicate, descriptors);
            TupleDomainParquetPredicate parquetPredicate = buildPredicate(fileSchema, parquetDomain, descriptors, DateTimeZone.UTC);
            List<RowGroupInfo> rowGroups = getFilteredRowGroups(start, Math.min(length, dataSource.getEstimatedSize() - start), dataSource, footer,
                    List.of(parquetDomain), List.of(parquetPredicate), descriptors, DateTimeZone.UTC, DOMAIN_COMPACTION_THRESHOLD, options);

            ParquetReader reader = new ParquetReader(
                    Optional.ofNullable(footer.getFileMetaData().getCreatedBy()),
                    fileColumns.build(),
                    false,
                    rowGroups,
                    dataSource,
                    DateTimeZone.UTC,
                    memoryContext,
                    options,
                    exception -> new UncheckedIOException(new IOException("Cannot read " + file.location() + ": " + exception.getMessage(), exception)),
                    Optional.of(parquetPredicate),
                    Optional.empty());
            List<Type> types = columns.stream().map(RequestedColumn::type).collect(ImmutableList.toImmutableList());
            return new ParquetFileReader(dataSource, reader, types, fileChannels, rowGroups.size(), footer.getParquetMetadata().getNum_rows());
        }
        catch (IOException | RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static TupleDomain<ColumnDescriptor> toParquetDomain(TupleDomain<String> predicate, Map<List<String>, ColumnDescriptor> descriptors)
    {
        if (predicate.isNone()) {
            return TupleDomain.none();
        }
        ImmutableMap.Builder<ColumnDescriptor, Domain> domains = ImmutableMap.builder();
        predicate.getDomains().orElseThrow().forEach((name, domain) -> {
            ColumnDescriptor descriptor = descriptors.get(List.of(name));
            if (descriptor != null) {
                domains.put(descriptor, domain.getType() instanceof TimestampWithTimeZoneType ? asStoredTimestamps(domain) : domain);
            }
        });
        return TupleDomain.withColumnDomains(domains.buildOrThrow());
    }

    /**
     * A {@code timestamp(6) with time zone} domain as one of the UTC microseconds the file stores (INT64
     * TIMESTAMP(MICROS, UTC)): Trino's Parquet predicate compares statistics, column indexes and bloom filters
     * only for {@code timestamp} without a zone, so without this no row group or page would be skipped by time.
     */
    private static Domain asStoredTimestamps(Domain domain)
    {
        if (domain.isAll() || domain.isNone()) {
            return domain.isAll() ? Domain.all(TIMESTAMP_MICROS) : Domain.none(TIMESTAMP_MICROS);
        }
        List<Range> ranges = domain.getValues().getRanges().getOrderedRanges().stream()
                .map(range -> {
                    // a bound finer than the column's microseconds is widened to the next whole one: the domain may only grow
                    Optional<Long> low = range.getLowValue().map(value -> StoredTimestamps.epochMicros((LongTimestampWithTimeZone) value));
                    Optional<Long> high = range.getHighValue().map(value -> StoredTimestamps.epochMicrosRoundedUp((LongTimestampWithTimeZone) value));
                    if (low.isPresent() && high.isPresent()) {
                        return Range.range(TIMESTAMP_MICROS, low.get(), range.isLowInclusive(), high.get(), range.isHighInclusive());
                    }
                    if (low.isPresent()) {
                        return range.isLowInclusive() ? Range.greaterThanOrEqual(TIMESTAMP_MICROS, low.get()) : Range.greaterThan(TIMESTAMP_MICROS, low.get());
                    }
                    if (high.isPresent()) {
                        return range.isHighInclusive() ? Range.lessThanOrEqual(TIMESTAMP_MICROS, high.get()) : Range.lessThan(TIMESTAMP_MICROS, high.get());
                    }
                    return Range.all(TIMESTAMP_MICROS);
                })
                .toList();
        return Domain.create(ValueSet.ofRanges(ranges), domain.isNullAllowed());
    }

    /** The rows of the whole file, as its footer counts them. */
    public long fileRowCount()
    {
        return fileRowCount;
    }

    /** Row groups that survived statistics pruning. */
    public long rowGroupCount()
    {
        return rowGroupCount;
    }

    /** The next page with one block per requested column, or null at the end of the file. */
    public Page nextPage()
            throws IOException
    {
        SourcePage batch = nextBatch();
        if (batch == null) {
            return null;
        }
        Block[] blocks = new Block[fileChannels.length];
        for (int i = 0; i < fileChannels.length; i++) {
            blocks[i] = block(batch, i);
        }
        return new Page(batch.getPositionCount(), blocks);
    }

    /**
     * The next rows of the file, or null at its end: each column is decoded when {@link #block} first asks for it, so
     * a caller that filters them decodes the other columns only of batches with rows left ({@link SourcePage#selectPositions}).
     */
    public SourcePage nextBatch()
            throws IOException
    {
        return reader.nextPage();
    }

    /** The requested column's block of a batch, NULLs where the file lacks the column. */
    public Block block(SourcePage batch, int requestedColumn)
    {
        return fileChannels[requestedColumn] >= 0
                ? batch.getBlock(fileChannels[requestedColumn])
                : RunLengthEncodedBlock.create(types.get(requestedColumn), null, batch.getPositionCount());
    }

    /** The position in the file of the first row of the page {@link #nextPage()} returned last. */
    public long lastBatchStartRow()
    {
        return reader.lastBatchStartRow();
    }

    public long completedBytes()
    {
        return dataSource.getReadBytes();
    }

    public long readTimeNanos()
    {
        return dataSource.getReadTimeNanos();
    }

    @Override
    public void close()
            throws IOException
    {
        // closes the data source too
        reader.close();
    }
}
