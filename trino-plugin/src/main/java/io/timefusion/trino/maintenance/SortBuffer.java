package io.timefusion.trino.maintenance;

import io.airlift.slice.Slice;
import io.trino.spi.Page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows held in memory until they are sorted: whole pages of the {@link SortLayout}, with each row's sort key taken out
 * once so that sorting does not decode timestamps again at every comparison.
 */
final class SortBuffer
{
    private final SortLayout layout;
    private final List<Page> pages = new ArrayList<>();
    private final List<Keys> keys = new ArrayList<>();
    private long retainedBytes;
    private int rowCount;

    private record Keys(long[] micros, Slice[] ids, long[] ranks, long[] positions) {}

    SortBuffer(SortLayout layout)
    {
        this.layout = layout;
    }

    void add(Page page)
    {
        int count = page.getPositionCount();
        long[] micros = new long[count];
        Slice[] ids = new Slice[count];
        long[] ranks = new long[count];
        long[] positions = new long[count];
        for (int position = 0; position < count; position++) {
            micros[position] = layout.epochMicros(page, position);
            ids[position] = layout.id(page, position);
            ranks[position] = layout.rank(page, position);
            positions[position] = layout.writePosition(page, position);
        }
        pages.add(page);
        keys.add(new Keys(micros, ids, ranks, positions));
        // the keys cost about as much again as a page's fixed-width columns; counting the page covers the ids' bytes
        retainedBytes += page.getRetainedSizeInBytes() + count * 40L;
        rowCount += count;
    }

    long retainedBytes()
    {
        return retainedBytes;
    }

    boolean isEmpty()
    {
        return rowCount == 0;
    }

    /** The buffered rows in sort order; the buffer is empty afterwards and can take new rows. */
    RowCursor sortedAndCleared()
    {
        long[] rows = new long[rowCount];
        int next = 0;
        for (int page = 0; page < pages.size(); page++) {
            for (int position = 0; position < pages.get(page).getPositionCount(); position++) {
                rows[next++] = ((long) page << 32) | position;
            }
        }
        List<Page> sortedPages = List.copyOf(pages);
        List<Keys> sortedKeys = List.copyOf(keys);
        Long[] boxed = Arrays.stream(rows).boxed().toArray(Long[]::new);
        Arrays.sort(boxed, (a, b) -> {
            Keys keysA = sortedKeys.get((int) (a >>> 32));
            Keys keysB = sortedKeys.get((int) (b >>> 32));
            int positionA = (int) (long) a;
            int positionB = (int) (long) b;
            return SortLayout.compare(
                    keysA.micros()[positionA], keysA.ids()[positionA], keysA.ranks()[positionA], keysA.positions()[positionA],
                    keysB.micros()[positionB], keysB.ids()[positionB], keysB.ranks()[positionB], keysB.positions()[positionB]);
        });
        pages.clear();
        keys.clear();
        retainedBytes = 0;
        rowCount = 0;
        return new SortedRows(sortedPages, sortedKeys, boxed);
    }

    private static final class SortedRows
            implements RowCursor
    {
        private final List<Page> pages;
        private final List<Keys> keys;
        private final Long[] order;
        private int next;
        private Page page;
        private Keys pageKeys;
        private int position;

        SortedRows(List<Page> pages, List<Keys> keys, Long[] order)
        {
            this.pages = pages;
            this.keys = keys;
            this.order = order;
        }

        @Override
        public boolean advance()
        {
            if (next >= order.length) {
                return false;
            }
            long row = order[next++];
            page = pages.get((int) (row >>> 32));
            pageKeys = keys.get((int) (row >>> 32));
            position = (int) row;
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
            return pageKeys.micros()[position];
        }

        @Override
        public Slice id()
        {
            return pageKeys.ids()[position];
        }

        @Override
        public long rank()
        {
            return pageKeys.ranks()[position];
        }

        @Override
        public long writePosition()
        {
            return pageKeys.positions()[position];
        }

        @Override
        public void close() {}
    }
}
