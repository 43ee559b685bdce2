package io.timefusion.trino.read;

import io.airlift.slice.Slices;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.LongTimestampWithTimeZone;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan's filter reads a column of a batch only while rows are left, fixed-width columns before text, and tests
 * dictionary-encoded rows by their entries.
 */
class TestRowFilter
{
    private static final TimeFusionColumnHandle ID = new TimeFusionColumnHandle("id", VARCHAR, 2);
    private static final TimeFusionColumnHandle TIMESTAMP = new TimeFusionColumnHandle("timestamp", TIMESTAMP_TZ_MICROS, 0);
    private static final TimeFusionColumnHandle DURATION = new TimeFusionColumnHandle("duration", BIGINT, 14);
    private static final long MINUTE_MILLIS = 60_000;

    @Test
    void textColumnIsNotReadForBatchTheTimeRangeEmptied()
    {
        RowFilter filter = RowFilter.of(constraint(ID, Domain.singleValue(VARCHAR, Slices.utf8Slice("b")), TIMESTAMP, minutes(10, 11)), List.of());
        Batch batch = new Batch(filter, Map.of(ID, ids("a", "b", "c"), TIMESTAMP, timestamps(1, 2, 3)));

        assertThat(batch.select()).isEmpty();
        assertThat(batch.columnsRead).containsExactly(TIMESTAMP);
    }

    @Test
    void textColumnIsReadOnceForRowsTheTimeRangeLeft()
    {
        RowFilter filter = RowFilter.of(constraint(ID, Domain.singleValue(VARCHAR, Slices.utf8Slice("b")), TIMESTAMP, minutes(2, 4)), List.of());
        Batch batch = new Batch(filter, Map.of(ID, ids("a", "b", "c", "b"), TIMESTAMP, timestamps(1, 2, 3, 4)));

        assertThat(batch.select()).containsExactly(1);
        assertThat(batch.columnsRead).containsExactly(TIMESTAMP, ID);
    }

    @Test
    void likeIsTestedAfterEveryDomain()
    {
        RowFilter filter = RowFilter.of(
                TupleDomain.withColumnDomains(Map.of(DURATION, Domain.create(ValueSet.ofRanges(Range.greaterThan(BIGINT, 100L)), false))),
                List.of(new LikeFilter(ID, "%x%", Optional.empty())));
        Batch batch = new Batch(filter, Map.of(ID, ids("x", "x"), DURATION, durations(5, 7)));

        assertThat(batch.select()).isEmpty();
        assertThat(batch.columnsRead).containsExactly(DURATION);
    }

    @Test
    void dictionaryEncodedRowsPassAsTheirEntryDoes()
    {
        RowFilter filter = RowFilter.of(TupleDomain.withColumnDomains(Map.of(ID, Domain.singleValue(VARCHAR, Slices.utf8Slice("b")))), List.of());
        Block dictionary = idsWithNull("a", "b");

        assertThat(new Batch(filter, Map.of(ID, DictionaryBlock.create(6, dictionary, new int[] {0, 1, 2, 1, 0, 1}))).select()).containsExactly(1, 3, 5);
    }

    @Test
    void batchesOfAnotherDictionaryAreTestedByItsOwnEntries()
    {
        RowFilter filter = RowFilter.of(TupleDomain.all(), List.of(new LikeFilter(ID, "%/orders/%", Optional.empty())));
        int[] entries = {0, 1, 0};

        assertThat(new Batch(filter, Map.of(ID, DictionaryBlock.create(3, ids("/orders/1", "/users/2"), entries))).select()).containsExactly(0, 2);
        // the same entry numbers, other values: what the filter found of the first dictionary must not carry over
        assertThat(new Batch(filter, Map.of(ID, DictionaryBlock.create(3, ids("/users/3", "/orders/4"), entries))).select()).containsExactly(1);
    }

    /** One batch's blocks by column, recording which the filter asked for. */
    private static final class Batch
    {
        private final RowFilter filter;
        private final Map<TimeFusionColumnHandle, Block> blocks;
        private final int rows;
        private final List<TimeFusionColumnHandle> columnsRead = new ArrayList<>();

        Batch(RowFilter filter, Map<TimeFusionColumnHandle, Block> blocks)
        {
            this.filter = filter;
            this.blocks = blocks;
            this.rows = blocks.values().iterator().next().getPositionCount();
        }

        List<Integer> select()
        {
            int[] selected = new int[rows];
            for (int position = 0; position < rows; position++) {
                selected[position] = position;
            }
            IntFunction<Block> read = column -> {
                TimeFusionColumnHandle handle = filter.columns().get(column);
                columnsRead.add(handle);
                return blocks.get(handle);
            };
            int passed = filter.select(read, selected, rows);
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < passed; i++) {
                positions.add(selected[i]);
            }
            return positions;
        }
    }

    /** The text column's domain first, as a query may name it: the filter must not follow that order. */
    private static TupleDomain<TimeFusionColumnHandle> constraint(TimeFusionColumnHandle text, Domain textDomain, TimeFusionColumnHandle fixedWidth, Domain fixedWidthDomain)
    {
        Map<TimeFusionColumnHandle, Domain> domains = new LinkedHashMap<>();
        domains.put(text, textDomain);
        domains.put(fixedWidth, fixedWidthDomain);
        return TupleDomain.withColumnDomains(domains);
    }

    /** [from, to) minutes after the epoch. */
    private static Domain minutes(int from, int to)
    {
        return Domain.create(ValueSet.ofRanges(Range.range(TIMESTAMP_TZ_MICROS, minute(from), true, minute(to), false)), false);
    }

    private static LongTimestampWithTimeZone minute(int minute)
    {
        return LongTimestampWithTimeZone.fromEpochMillisAndFraction(minute * MINUTE_MILLIS, 0, UTC_KEY);
    }

    private static Block ids(String... values)
    {
        return idBuilder(values).build();
    }

    /** The values, then a NULL. */
    private static Block idsWithNull(String... values)
    {
        BlockBuilder builder = idBuilder(values);
        builder.appendNull();
        return builder.build();
    }

    private static BlockBuilder idBuilder(String... values)
    {
        BlockBuilder builder = VARCHAR.createBlockBuilder(null, values.length + 1);
        for (String value : values) {
            VARCHAR.writeSlice(builder, Slices.utf8Slice(value));
        }
        return builder;
    }

    private static Block timestamps(int... minutes)
    {
        BlockBuilder builder = TIMESTAMP_TZ_MICROS.createBlockBuilder(null, minutes.length);
        for (int minute : minutes) {
            TIMESTAMP_TZ_MICROS.writeObject(builder, minute(minute));
        }
        return builder.build();
    }

    private static Block durations(long... values)
    {
        BlockBuilder builder = BIGINT.createBlockBuilder(null, values.length);
        for (long value : values) {
            BIGINT.writeLong(builder, value);
        }
        return builder.build();
    }
}
