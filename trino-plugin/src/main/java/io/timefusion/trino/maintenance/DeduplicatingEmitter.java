package io.timefusion.trino.maintenance;

import io.airlift.slice.Slice;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.Block;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.type.Type;

import java.io.IOException;
import java.util.List;

/**
 * Turns sorted rows into the pages an OPTIMIZE scan returns: the first row of each (timestamp, id) only, which the sort
 * order makes the last written, in the column order the engine asked for, the partition columns as constants.
 */
final class DeduplicatingEmitter
{
    private final RowCursor rows;
    private final List<Type> dataTypes;
    /** For each output channel: the data channel of the sort layout, or -1 for a constant. */
    private final int[] dataChannels;
    private final Block[] constants;
    private final PageBuilder pageBuilder;
    private long previousMicros;
    private Slice previousId;
    private boolean finished;

    DeduplicatingEmitter(RowCursor rows, SortLayout layout, int[] dataChannels, Block[] constants)
    {
        this.rows = rows;
        this.dataChannels = dataChannels.clone();
        this.constants = constants.clone();
        this.dataTypes = layout.types().subList(0, layout.dataChannelCount());
        this.pageBuilder = new PageBuilder(dataTypes);
    }

    /** The next page, or null when every row was returned. */
    Page next()
            throws IOException
    {
        while (!finished && !pageBuilder.isFull()) {
            if (!rows.advance()) {
                finished = true;
                break;
            }
            Slice id = rows.id();
            long micros = rows.epochMicros();
            if (id != null && id.equals(previousId) && micros == previousMicros) {
                continue;
            }
            previousId = id;
            previousMicros = micros;
            pageBuilder.declarePosition();
            Page page = rows.page();
            for (int channel = 0; channel < dataTypes.size(); channel++) {
                dataTypes.get(channel).appendTo(page.getBlock(channel), rows.position(), pageBuilder.getBlockBuilder(channel));
            }
        }
        if (pageBuilder.isEmpty()) {
            return null;
        }
        Page data = pageBuilder.build();
        pageBuilder.reset();
        Block[] blocks = new Block[dataChannels.length];
        for (int channel = 0; channel < dataChannels.length; channel++) {
            blocks[channel] = dataChannels[channel] >= 0
                    ? data.getBlock(dataChannels[channel])
                    : RunLengthEncodedBlock.create(constants[channel], data.getPositionCount());
        }
        return new Page(data.getPositionCount(), blocks);
    }
}
