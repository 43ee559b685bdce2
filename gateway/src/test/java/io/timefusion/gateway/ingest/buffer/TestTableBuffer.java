package io.timefusion.gateway.ingest.buffer;

import io.timefusion.contract.BufferRowsRequest;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.ingest.RowBatch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTableBuffer
{
    private static final String TABLE = "otel_logs_and_spans";
    private static final Instant DAY_ONE = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant DAY_TWO = Instant.parse("2025-06-02T12:00:00Z");

    private final TableBuffer buffer = new TableBuffer(TABLE, 0);

    @Test
    void aQueryGetsTheRowsAboveItsProjectsWatermarkOnly()
            throws Exception
    {
        add(1, row("a", "p1", DAY_ONE));
        add(2, row("b", "p1", DAY_ONE), row("c", "p2", DAY_ONE));
        add(3, row("d", "p1", DAY_ONE));

        assertThat(ids(buffer.select(query(1L, Map.of(), null)))).containsExactly("b", "d", "c");
        assertThat(ids(buffer.select(query(0L, Map.of("p1", 2L), null)))).containsExactlyInAnyOrder("d", "c");
    }

    @Test
    void aProjectWithoutAWatermarkGetsNoRows()
            throws Exception
    {
        add(1, row("a", "p1", DAY_ONE), row("b", "p2", DAY_ONE));

        // the query does not read the default table: only the registered project p2's own table
        assertThat(ids(buffer.select(query(null, Map.of("p2", 0L), null)))).containsExactly("b");
    }

    @Test
    void projectsAndDaysOutsideTheQueryAreLeftOut()
            throws Exception
    {
        add(1, row("a", "p1", DAY_ONE), row("b", "p1", DAY_TWO), row("c", "p2", DAY_TWO));

        BufferRowsRequest query = new BufferRowsRequest("g", TABLE, 0L, Map.of(), Set.of("p1"), DAY_TWO.getEpochSecond() * 1_000_000, null, List.of());
        assertThat(ids(buffer.select(query))).containsExactly("b");
    }

    @Test
    void flushedRowsStayReadableForTheGracePeriodThenLeave()
            throws Exception
    {
        add(1, row("a", "p1", DAY_ONE));
        add(2, row("b", "p1", DAY_ONE));
        buffer.flushed(1, 1_000);

        assertThat(buffer.evict(1_000, false).rows()).isZero();
        assertThat(ids(buffer.select(query(0L, Map.of(), null)))).containsExactly("a", "b");

        assertThat(buffer.evict(1_001, false).rows()).isEqualTo(1);
        assertThat(ids(buffer.select(query(1L, Map.of(), null)))).containsExactly("b");
        assertThat(buffer.unflushedRows()).isEqualTo(1);
    }

    @Test
    void aQueryWhoseSnapshotIsOlderThanEvictedRowsIsRefusedRatherThanMissingThem()
            throws Exception
    {
        add(1, row("a", "p1", DAY_ONE));
        add(2, row("b", "p2", DAY_ONE));
        buffer.flushed(2, 0);
        buffer.evict(0, true);

        assertThatThrownBy(() -> buffer.select(query(0L, Map.of(), null)))
                .isInstanceOf(BufferExpiredException.class)
                .hasMessageContaining("run the query again");
        // a snapshot that holds the flush needs nothing of the buffer
        assertThat(buffer.select(query(2L, Map.of(), null))).isEmpty();
        // nor does a query of another project
        assertThat(buffer.select(query(0L, Map.of(), Set.of("p3")))).isEmpty();
    }

    @Test
    void aFlushTakesStatementsInOrderUpToMaxRowsButNeverSplitsOne()
            throws Exception
    {
        add(1, row("a", "p1", DAY_ONE), row("b", "p1", DAY_ONE));
        add(2, row("c", "p1", DAY_ONE), row("d", "p1", DAY_ONE), row("e", "p1", DAY_ONE));
        add(3, row("f", "p1", DAY_ONE));

        assertThat(buffer.nextFlush(4)).extracting(BufferedStatement::sequence).containsExactly(1L);
        assertThat(buffer.nextFlush(1)).extracting(BufferedStatement::sequence).containsExactly(1L);
        buffer.flushed(1, 0);
        assertThat(buffer.nextFlush(4)).extracting(BufferedStatement::sequence).containsExactly(2L, 3L);
        assertThat(buffer.unflushedRows()).isEqualTo(4);
    }

    private void add(long sequence, Object[]... rows)
            throws IngestException
    {
        buffer.add(BufferedStatement.recovered(sequence, new RowBatch(TABLE, List.of("id", "project_id", "timestamp"), List.of(rows))));
    }

    private static Object[] row(String id, String project, Instant timestamp)
    {
        return new Object[] {id, project, timestamp};
    }

    private static BufferRowsRequest query(Long defaultWatermark, Map<String, Long> projectWatermarks, Set<String> projects)
    {
        return new BufferRowsRequest("g", TABLE, defaultWatermark, projectWatermarks, projects, null, null, List.of("id"));
    }

    private static List<String> ids(List<TableBuffer.Chunk> chunks)
    {
        List<String> ids = new ArrayList<>();
        for (TableBuffer.Chunk chunk : chunks) {
            int id = chunk.columns().indexOf("id");
            chunk.rows().forEach(row -> ids.add((String) row[id]));
        }
        return ids;
    }
}
