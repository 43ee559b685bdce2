package io.timefusion.trino.read;

import io.trino.spi.block.Block;
import io.trino.spi.block.Fixed12Block;

import static io.trino.spi.type.DateTimeEncoding.unpackMillisUtc;

/**
 * Reads a {@code timestamp(6) with time zone} row where the block keeps it (packed UTC milliseconds and picoseconds
 * of the millisecond) without building a value object per row: this runs for every row a time filter or a TopN scans.
 */
final class TimestampBlocks
{
    private TimestampBlocks() {}

    /** The row's instant in epoch microseconds; the row must not be NULL. */
    static long epochMicros(Block block, int position)
    {
        Fixed12Block values = (Fixed12Block) block.getUnderlyingValueBlock();
        int valuePosition = block.getUnderlyingValuePosition(position);
        return unpackMillisUtc(values.getFixed12First(valuePosition)) * 1000 + values.getFixed12Second(valuePosition) / 1_000_000;
    }
}
