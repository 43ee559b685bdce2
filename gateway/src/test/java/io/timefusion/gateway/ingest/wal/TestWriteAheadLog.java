package io.timefusion.gateway.ingest.wal;

import io.timefusion.gateway.ingest.RowBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TestWriteAheadLog
{
    private static final String TABLE = "otel_logs_and_spans";
    private static final RowBatch BATCH = new RowBatch(TABLE, List.of("id", "timestamp", "date", "status_code", "duration", "hashes", "ok"),
            List.<Object[]>of(
                    new Object[] {"a", Instant.parse("2025-06-01T12:00:00.123456Z"), LocalDate.of(2025, 6, 1), 200, 5L, List.of("x", "ü"), true},
                    new Object[] {"b", null, null, null, null, null, null}));

    @TempDir
    Path directory;

    @Test
    void aGroupOfStatementsTakesConsecutiveSequencesInOneAppend()
            throws IOException
    {
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            assertThat(wal.appendStatements(List.of(WriteAheadLog.encode(BATCH), WriteAheadLog.encode(BATCH), WriteAheadLog.encode(BATCH)))).isEqualTo(1);
            assertThat(wal.appendStatements(List.of(WriteAheadLog.encode(BATCH)))).isEqualTo(4);
        }
    }

    @Test
    void replaysExactlyTheStatementsNotFlushedWithTheirValues()
            throws IOException
    {
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            long first = wal.appendStatements(List.of(WriteAheadLog.encode(BATCH), WriteAheadLog.encode(BATCH)));
            wal.flushStarted(TABLE, 0, first);
            wal.flushed(TABLE, first);
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            WriteAheadLog.Recovery recovery = wal.recovery();
            assertThat(recovery.flushedThrough()).isEqualTo(Map.of(TABLE, 1L));
            assertThat(recovery.unfinishedFlushes()).isEmpty();
            assertThat(recovery.statements()).extracting(WalRecord.Statement::sequence).containsExactly(2L);
            RowBatch replayed = recovery.statements().getFirst().rows();
            assertThat(replayed.columns()).isEqualTo(BATCH.columns());
            for (int i = 0; i < BATCH.rowCount(); i++) {
                assertThat(Arrays.asList(replayed.rows().get(i))).isEqualTo(Arrays.asList(BATCH.rows().get(i)));
            }
        }
    }

    @Test
    void aFlushThatStartedButDidNotFinishIsReplayedAsTheSameRange()
            throws IOException
    {
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            wal.appendStatements(List.of(WriteAheadLog.encode(BATCH), WriteAheadLog.encode(BATCH)));
            wal.flushStarted(TABLE, 0, 2);
            wal.appendStatements(List.of(WriteAheadLog.encode(BATCH)));
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            assertThat(wal.recovery().unfinishedFlushes()).containsExactly(new WalRecord.FlushStarted(TABLE, 0, 2));
            assertThat(wal.recovery().statements()).extracting(WalRecord.Statement::sequence).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void theSequenceKeepsGrowingAcrossRestartsEvenWhenEverythingWasFlushedAndDeleted()
            throws IOException
    {
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            wal.appendStatements(List.of(WriteAheadLog.encode(BATCH), WriteAheadLog.encode(BATCH)));
            wal.flushStarted(TABLE, 0, 2);
            wal.flushed(TABLE, 2);
        }
        for (int restart = 0; restart < 2; restart++) {
            try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
                assertThat(wal.recovery().statements()).isEmpty();
                assertThat(wal.recovery().flushedThrough()).isEqualTo(Map.of(TABLE, 2L));
            }
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            assertThat(wal.appendStatements(List.of(WriteAheadLog.encode(BATCH)))).isEqualTo(3);
        }
    }

    @Test
    void segmentsWhoseStatementsAreAllFlushedAreDeleted()
            throws IOException
    {
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            wal.appendStatements(List.of(WriteAheadLog.encode(BATCH)));
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            assertThat(segments()).hasSize(2);
            wal.flushStarted(TABLE, 0, 1);
            wal.flushed(TABLE, 1);
            assertThat(segments()).hasSize(1);
        }
    }

    @Test
    void aRecordTornByACrashIsIgnored()
            throws IOException
    {
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            wal.appendStatements(List.of(WriteAheadLog.encode(BATCH)));
            wal.appendStatements(List.of(WriteAheadLog.encode(BATCH)));
        }
        Path segment = segments().getLast();
        byte[] bytes = Files.readAllBytes(segment);
        // cut the second record in the middle, as a crash during its append would
        Files.write(segment, Arrays.copyOf(bytes, bytes.length - 10), StandardOpenOption.TRUNCATE_EXISTING);
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            assertThat(wal.recovery().statements()).extracting(WalRecord.Statement::sequence).containsExactly(1L);
        }
    }

    @Test
    void aRecordWithAFlippedByteIsIgnoredWithEverythingAfterIt()
            throws IOException
    {
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            wal.appendStatements(List.of(WriteAheadLog.encode(BATCH)));
            wal.appendStatements(List.of(WriteAheadLog.encode(BATCH)));
        }
        Path segment = segments().getLast();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 1;
        Files.write(segment, bytes);
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            assertThat(wal.recovery().statements()).extracting(WalRecord.Statement::sequence).containsExactly(1L);
        }
    }

    private List<Path> segments()
            throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("wal-")).sorted().toList();
        }
    }
}
