package io.timefusion.gateway.ingest.buffer;

import io.timefusion.gateway.ingest.RowBatch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A flush writes each (project_id, timestamp, id) once: the last row written, in the place of the first. */
class TestLatestWrites
{
    private static final List<String> COLUMNS = List.of("timestamp", "id", "project_id", "body");
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00.000001Z");
    private static final Instant T2 = Instant.parse("2026-03-01T10:00:00.000002Z");

    @Test
    void aRowWrittenAgainLaterInTheFlushReplacesTheEarlierOne()
    {
        RowBatch batch = batch(
                row(T1, "a", "p", "first"),
                row(T1, "b", "p", "other id"),
                row(T1, "a", "p", "retry"),
                row(T1, "a", "p", "second retry"));

        assertThat(bodies(LatestWrites.of(batch))).containsExactly("second retry", "other id");
    }

    @Test
    void theSameIdAtAnotherTimestampOrInAnotherProjectIsAnotherRow()
    {
        RowBatch batch = batch(
                row(T1, "a", "p", "one"),
                row(T2, "a", "p", "later timestamp"),
                row(T1, "a", "q", "other project"));

        assertThat(LatestWrites.of(batch)).isSameAs(batch);
    }

    @Test
    void aBatchWhoseStatementsNamedTheKeyColumnsInAnotherOrderIsComparedByName()
    {
        RowBatch batch = new RowBatch("otel_logs_and_spans", List.of("id", "body", "project_id", "timestamp"), List.of(
                new Object[] {"a", "first", "p", T1},
                new Object[] {"a", "retry", "p", T1}));

        assertThat(LatestWrites.of(batch).rows()).singleElement().satisfies(row -> assertThat(row[1]).isEqualTo("retry"));
    }

    private static RowBatch batch(Object[]... rows)
    {
        return new RowBatch("otel_logs_and_spans", COLUMNS, List.of(rows));
    }

    private static Object[] row(Instant timestamp, String id, String project, String body)
    {
        return new Object[] {timestamp, id, project, body};
    }

    private static List<Object> bodies(RowBatch batch)
    {
        return batch.rows().stream().map(row -> row[3]).toList();
    }
}
