package io.timefusion.trino.write;

import io.airlift.slice.Slice;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.delta.DeltaTimestamps;
import io.timefusion.trino.metadata.StoredTimestamps;
import io.trino.spi.block.Block;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.Type;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * The Delta {@code stats} of one data file: numRecords and, per hot column, min, max and null count.
 * Readers skip files with them, ours (timestamp) and any other Delta reader.
 */
final class FileStatistics
{
    // longer strings are cut for the minimum (a prefix is still a lower bound); no upper bound is written for them
    private static final int MAX_STRING_STATISTICS_LENGTH = 64;

    private final List<String> names;
    private final List<Type> types;
    private final Comparable<?>[] minimums;
    private final Comparable<?>[] maximums;
    private final long[] nullCounts;
    private long records;

    FileStatistics(List<String> names, List<Type> types)
    {
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.minimums = new Comparable<?>[names.size()];
        this.maximums = new Comparable<?>[names.size()];
        this.nullCounts = new long[names.size()];
    }

    /** Accounts one row; {@code blocks} holds the statistics columns in the order of {@code names}. */
    void add(Block[] blocks, int position)
    {
        records++;
        for (int column = 0; column < blocks.length; column++) {
            Block block = blocks[column];
            if (block.isNull(position)) {
                nullCounts[column]++;
                continue;
            }
            Comparable<?> value = value(types.get(column), block, position);
            if (minimums[column] == null || compare(value, minimums[column]) < 0) {
                minimums[column] = value;
            }
            if (maximums[column] == null || compare(value, maximums[column]) > 0) {
                maximums[column] = value;
            }
        }
    }

    /** Timestamps as epoch microseconds, bigints as Long, strings as UTF-8 slices: byte order is the order Delta readers use. */
    private static Comparable<?> value(Type type, Block block, int position)
    {
        if (type.equals(TIMESTAMP_TZ_MICROS)) {
            return StoredTimestamps.epochMicros((LongTimestampWithTimeZone) type.getObject(block, position));
        }
        if (type.equals(BIGINT)) {
            return BIGINT.getLong(block, position);
        }
        return VARCHAR.getSlice(block, position);
    }

    // both values come from value() for the same column, so they are of one class
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static int compare(Comparable value, Comparable other)
    {
        return value.compareTo(other);
    }

    long records()
    {
        return records;
    }

    String toJson()
    {
        Map<String, Object> minValues = new LinkedHashMap<>();
        Map<String, Object> maxValues = new LinkedHashMap<>();
        Map<String, Long> nullCount = new LinkedHashMap<>();
        for (int column = 0; column < names.size(); column++) {
            String name = names.get(column);
            nullCount.put(name, nullCounts[column]);
            if (minimums[column] != null) {
                putStatistic(minValues, name, minimums[column], false);
                putStatistic(maxValues, name, maximums[column], true);
            }
        }
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("numRecords", records);
        statistics.put("minValues", minValues);
        statistics.put("maxValues", maxValues);
        statistics.put("nullCount", nullCount);
        return DeltaJson.toJson(statistics);
    }

    private void putStatistic(Map<String, Object> values, String name, Comparable<?> value, boolean isMaximum)
    {
        switch (value) {
            case Slice slice -> {
                String text = slice.toStringUtf8();
                if (text.codePointCount(0, text.length()) <= MAX_STRING_STATISTICS_LENGTH) {
                    values.put(name, text);
                }
                else if (!isMaximum) {
                    values.put(name, text.substring(0, text.offsetByCodePoints(0, MAX_STRING_STATISTICS_LENGTH)));
                }
            }
            case Long number when types.get(names.indexOf(name)).equals(TIMESTAMP_TZ_MICROS) -> values.put(name, DeltaTimestamps.formatMillis(number));
            default -> values.put(name, value);
        }
    }
}
