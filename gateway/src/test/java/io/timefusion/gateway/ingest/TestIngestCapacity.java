package io.timefusion.gateway.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestIngestCapacity
{
    @Test
    void aStatementThatDoesNotFitWaitsForTheTimeoutThenFailsWith53400()
            throws Exception
    {
        IngestCapacity capacity = new IngestCapacity("batch queue", "BATCH_QUEUE_MAX_ROWS / BATCH_QUEUE_MAX_SIZE", 100, 1_000_000);
        capacity.reserve(80, 1_000, Duration.ZERO);

        long started = System.nanoTime();
        assertThatThrownBy(() -> capacity.reserve(30, 1_000, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(IngestException.class, failure -> assertThat(failure.getSQLState()).isEqualTo("53400"))
                .hasMessageContaining("batch queue full");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(capacity.heldRows()).isEqualTo(80);
    }

    @Test
    void aWaitingStatementGetsItsRoomOnceACommittedBatchReleasesIt()
            throws Exception
    {
        IngestCapacity capacity = new IngestCapacity("batch queue", "BATCH_QUEUE_MAX_ROWS / BATCH_QUEUE_MAX_SIZE", 100, 1_000_000);
        capacity.reserve(80, 1_000, Duration.ZERO);

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                capacity.reserve(30, 1_000, Duration.ofSeconds(30));
            }
            catch (IngestException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(waiting).isNotDone();

        capacity.release(80, 1_000);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(capacity.heldRows()).isEqualTo(30);
    }

    @Test
    void theBytesBoundTheQueueAsWellAsTheRows()
            throws Exception
    {
        IngestCapacity capacity = new IngestCapacity("batch queue", "BATCH_QUEUE_MAX_ROWS / BATCH_QUEUE_MAX_SIZE", 1_000, 10_000);
        capacity.reserve(1, 9_000, Duration.ZERO);

        assertThatThrownBy(() -> capacity.reserve(1, 2_000, Duration.ofMillis(50)))
                .isInstanceOfSatisfying(IngestException.class, failure -> assertThat(failure.getSQLState()).isEqualTo("53400"));
    }

    @Test
    void aStatementLargerThanTheWholeQueueFailsAtOnceWith54000()
    {
        IngestCapacity capacity = new IngestCapacity("batch queue", "BATCH_QUEUE_MAX_ROWS / BATCH_QUEUE_MAX_SIZE", 100, 1_000_000);

        long started = System.nanoTime();
        assertThatThrownBy(() -> capacity.reserve(101, 1_000, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(IngestException.class, failure -> assertThat(failure.getSQLState()).isEqualTo("54000"))
                .hasMessageContaining("larger than the batch queue");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
