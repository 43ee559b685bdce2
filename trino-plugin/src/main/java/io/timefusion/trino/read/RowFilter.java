package io.timefusion.trino.read;

import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.StoredTimestamps;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.TypeUtils.readNativeValue;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * The part of a query's WHERE that the connector enforces row by row, so that the engine does not filter the scan
 * again: the domains of scalar columns and {@code LIKE} on text columns. With nothing left for the engine to filter,
 * Trino offers the connector {@code ORDER BY ... LIMIT} (see TopNScan). Partition columns are not here: files are pruned by
 * them exactly and buffered rows by BufferRowFilter. Domains of JSON and array columns stay with the engine. A filter
 * remembers what it found of the dictionaries it saw, so each page source uses a filter of its own.
 */
public final class RowFilter
{
    private static final Set<Type> ENFORCED_TYPES = Set.of(VARCHAR, BIGINT, INTEGER, BOOLEAN, TIMESTAMP_TZ_MICROS);
    private static final RowFilter NONE = new RowFilter(List.of(), List.of(), true);
    private static final int FEW_VALUES = 8;

    private final List<TimeFusionColumnHandle> columns;
    private final List<ColumnTest> tests;
    private final boolean none;

    private interface ValueTest
    {
        boolean test(Block block, int position);
    }

    /**
     * A column's test, and its verdicts on the entries of the last dictionary it saw: the rows of a dictionary-encoded
     * batch are tested by their entry, each entry once for all the batches that share the dictionary (the Parquet
     * reader hands one out per row group and column), so a trace id's 49,000 rows cost its 4,000 entries, and a
     * LIKE on a URL path its few hundred.
     */
    private static final class ColumnTest
    {
        private static final byte UNKNOWN = 0;
        private static final byte PASSES = 1;
        private static final byte FAILS = 2;

        private final int column;
        private final ValueTest test;
        private Block dictionary;
        private byte[] verdicts;

        ColumnTest(int column, ValueTest test)
        {
            this.column = column;
            this.test = test;
        }

        /** Keeps of the first {@code count} positions in {@code selected} those that pass, in order, and returns how many. */
        int select(Block block, int[] selected, int count)
        {
            if (block instanceof DictionaryBlock dictionaryBlock) {
                return selectByEntry(dictionaryBlock, selected, count);
            }
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int position = selected[i];
                if (test.test(block, position)) {
                    selected[kept++] = position;
                }
            }
            return kept;
        }

        private int selectByEntry(DictionaryBlock block, int[] selected, int count)
        {
            if (block.getDictionary() != dictionary) {
                dictionary = block.getDictionary();
                verdicts = new byte[dictionary.getPositionCount()];
            }
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int position = selected[i];
                int entry = block.getId(position);
                if (verdicts[entry] == UNKNOWN) {
                    verdicts[entry] = test.test(dictionary, entry) ? PASSES : FAILS;
                }
                if (verdicts[entry] == PASSES) {
                    selected[kept++] = position;
                }
            }
            return kept;
        }
    }

    private RowFilter(List<TimeFusionColumnHandle> columns, List<ColumnTest> tests, boolean none)
    {
        this.columns = List.copyOf(columns);
        this.tests = List.copyOf(tests);
        this.none = none;
    }

    /** Whether a predicate on this column is applied here rather than by the engine. */
    public static boolean enforces(TimeFusionColumnHandle column)
    {
        return !OtelLogsAndSpansTable.isPartitionColumn(column.name()) && ENFORCED_TYPES.contains(column.type());
    }

    public static RowFilter of(TupleDomain<TimeFusionColumnHandle> constraint, List<LikeFilter> likes)
    {
        if (constraint.isNone()) {
            return NONE;
        }
        List<TimeFusionColumnHandle> columns = new ArrayList<>();
        List<ColumnTest> tests = new ArrayList<>();
        Map<TimeFusionColumnHandle, Domain> domains = constraint.getDomains().orElseThrow();
        // fixed-width columns first, text after: rows go through the tests in this order, and a batch in which no row
        // is left never reads the later columns (rows are in timestamp order, so a time range rules out whole batches)
        domains.entrySet().stream()
                .filter(entry -> enforces(entry.getKey()) && !entry.getValue().isAll())
                .sorted(Comparator.comparing(entry -> entry.getKey().type().equals(VARCHAR)))
                .forEach(entry -> tests.add(new ColumnTest(channel(columns, entry.getKey()), domainTest(entry.getKey(), entry.getValue()))));
        for (LikeFilter like : likes) {
            LikePattern pattern = like.compile();
            tests.add(new ColumnTest(channel(columns, like.column()), (block, position) -> !block.isNull(position) && pattern.matches(VARCHAR.getSlice(block, position))));
        }
        return new RowFilter(columns, tests, false);
    }

    private static int channel(List<TimeFusionColumnHandle> columns, TimeFusionColumnHandle column)
    {
        int channel = columns.indexOf(column);
        if (channel < 0) {
            columns.add(column);
            return columns.size() - 1;
        }
        return channel;
    }

    /** No row is filtered out. */
    public boolean isAll()
    {
        return tests.isEmpty() && !none;
    }

    /** The columns {@link #select} reads, in the order it takes their blocks. */
    public List<TimeFusionColumnHandle> columns()
    {
        return columns;
    }

    /**
     * Keeps of the first {@code count} positions in {@code selected} those whose rows pass, in order, at the start of
     * the array, and returns how many passed.
     *
     * @param blocks the block of a column of {@link #columns()} by its index there, asked for only while rows are
     * left, so that a lazily loaded column is not decoded for a batch the earlier tests emptied
     */
    public int select(IntFunction<Block> blocks, int[] selected, int count)
    {
        if (none) {
            return 0;
        }
        for (ColumnTest columnTest : tests) {
            if (count == 0) {
                return 0;
            }
            count = columnTest.select(blocks.apply(columnTest.column), selected, count);
        }
        return count;
    }

    private static ValueTest domainTest(TimeFusionColumnHandle column, Domain domain)
    {
        if (column.type().equals(TIMESTAMP_TZ_MICROS)) {
            return new TimestampRanges(domain);
        }
        Type type = column.type();
        if (domain.getValues().isDiscreteSet()) {
            // a lookup or IN list: compared value by value while few (hashing a 32-byte id costs more than comparing it), else one hash probe
            List<Object> listed = domain.getValues().getDiscreteSet();
            boolean nullAllowed = domain.isNullAllowed();
            if (listed.size() <= FEW_VALUES) {
                Object[] values = listed.toArray();
                return (block, position) -> block.isNull(position) ? nullAllowed : isAny(readNativeValue(type, block, position), values);
            }
            Set<Object> values = new HashSet<>(listed);
            return (block, position) -> block.isNull(position) ? nullAllowed : values.contains(readNativeValue(type, block, position));
        }
        return (block, position) -> domain.includesNullableValue(readNativeValue(type, block, position));
    }

    private static boolean isAny(Object value, Object[] values)
    {
        for (Object candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** A timestamp domain as inclusive ranges of whole microseconds, what the table stores. */
    private static final class TimestampRanges
            implements ValueTest
    {
        private final boolean nullAllowed;
        private final long[] lows;
        private final long[] highs;

        TimestampRanges(Domain domain)
        {
            this.nullAllowed = domain.isNullAllowed();
            List<Range> ranges = domain.getValues().isNone() ? List.of() : domain.getValues().getRanges().getOrderedRanges();
            this.lows = new long[ranges.size()];
            this.highs = new long[ranges.size()];
            for (int i = 0; i < ranges.size(); i++) {
                Range range = ranges.get(i);
                lows[i] = range.getLowValue().map(value -> lowestMicros((LongTimestampWithTimeZone) value, range.isLowInclusive())).orElse(Long.MIN_VALUE);
                highs[i] = range.getHighValue().map(value -> highestMicros((LongTimestampWithTimeZone) value, range.isHighInclusive())).orElse(Long.MAX_VALUE);
            }
        }

        @Override
        public boolean test(Block block, int position)
        {
            if (block.isNull(position)) {
                return nullAllowed;
            }
            long micros = StoredTimestamps.epochMicros(block, position);
            int range = Arrays.binarySearch(lows, micros);
            if (range < 0) {
                // the last range starting below the value
                range = -range - 2;
            }
            return range >= 0 && micros <= highs[range];
        }

        /** The least whole microsecond above (or at, when inclusive) the bound. */
        private static long lowestMicros(LongTimestampWithTimeZone bound, boolean inclusive)
        {
            return inclusive ? StoredTimestamps.epochMicrosRoundedUp(bound) : StoredTimestamps.epochMicros(bound) + 1;
        }

        /** The greatest whole microsecond below (or at, when inclusive) the bound. */
        private static long highestMicros(LongTimestampWithTimeZone bound, boolean inclusive)
        {
            return inclusive ? StoredTimestamps.epochMicros(bound) : StoredTimestamps.epochMicrosRoundedUp(bound) - 1;
        }
    }

    @Override
    public String toString()
    {
        return none ? "NONE" : columns.stream().map(TimeFusionColumnHandle::name).toList().toString();
    }
}
