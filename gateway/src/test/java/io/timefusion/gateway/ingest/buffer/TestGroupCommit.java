package io.timefusion.gateway.ingest.buffer;

import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.ingest.wal.WriteAheadLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;

import static com.google.common.util.concurrent.Uninterruptibles.awaitUninterruptibly;
import static org.assertj.core.api.Assertions.assertThat;

class TestGroupCommit
{
    private static final RowBatch ROWS = new RowBatch("otel_logs_and_spans", List.of("id", "project_id", "timestamp"),
            List.<Object[]>of(new Object[] {"a", "p", Instant.parse("2025-06-01T12:00:00Z")}));

    @TempDir
    Path directory;

    @Test
    void statementsArrivingDuringOneFsyncShareTheNextAndEnterTheBufferInSequenceOrder()
            throws Exception
    {
        CountDownLatch allSubmitted = new CountDownLatch(1);
        List<Long> buffered = Collections.synchronizedList(new ArrayList<>());
        try (WriteAheadLog wal = WriteAheadLog.open(directory);
                GroupCommit commit = new GroupCommit(wal, statement -> {
                    // holds the log writer inside its first group until every statement waits for it
                    awaitUninterruptibly(allSubmitted);
                    buffered.add(statement.sequence());
                })) {
            List<CompletableFuture<BufferedStatement>> statements = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                statements.add(commit.append(BufferedStatement.prepare(ROWS)));
            }
            allSubmitted.countDown();
            for (CompletableFuture<BufferedStatement> statement : statements) {
                statement.get();
            }
            assertThat(commit.statements()).isEqualTo(64);
            assertThat(commit.fsyncs()).isLessThanOrEqualTo(2);
        }
        assertThat(buffered).containsExactlyElementsOf(LongStream.rangeClosed(1, 64).boxed().toList());
    }

    @Test
    void aFullDiskIsSqlState53100AndAnyOtherLogFailure58030()
    {
        assertThat(GroupCommit.failure(new IOException("No space left on device")).getSQLState()).isEqualTo("53100");
        assertThat(GroupCommit.failure(new IOException("Input/output error")).getSQLState()).isEqualTo("58030");
    }
}
