package io.timefusion.gateway.ingest.queue.wal;

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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TestWriteAheadLog
{
    private static final RowBatch BATCH = new RowBatch("otel_logs_and_spans", List.of("id", "timestamp", "date", "status_code", "duration", "hashes", "ok"),
            List.<Object[]>of(
                    new Object[] {"a", Instant.parse("2025-06-01T12:00:00.123456Z"), LocalDate.of(2025, 6, 1), 200, 5L, List.of("x", "ü"), true},
                    new Object[] {"b", null, null, null, null, null, null}));

    @TempDir
    Path directory;

    @Test
    void replaysExactlyTheBatchesNotMarkedCommittedWithTheirValues()
            throws IOException
    {
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            long first = wal.append(BATCH);
            long second = wal.append(BATCH);
            wal.committed(first);
            assertThat(second).isEqualTo(first + 1);
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            assertThat(wal.recovered()).hasSize(1);
            WriteAheadLog.RecoveredBatch replayed = wal.recovered().getFirst();
            assertThat(replayed.sequence()).isEqualTo(2);
            assertThat(replayed.rows().columns()).isEqualTo(BATCH.columns());
            for (int i = 0; i < BATCH.rowCount(); i++) {
                assertThat(Arrays.asList(replayed.rows().rows().get(i))).isEqualTo(Arrays.asList(BATCH.rows().get(i)));
            }
        }
    }

    @Test
    void theGatewayIdAndTheSequenceSurviveRestartsEvenWhenEverythingWasCommitted()
            throws IOException
    {
        String id;
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            id = wal.gatewayId();
            wal.committed(wal.append(BATCH));
            wal.committed(wal.append(BATCH));
        }
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            assertThat(wal.recovered()).isEmpty();
            assertThat(wal.gatewayId()).isEqualTo(id);
            assertThat(wal.append(BATCH)).isEqualTo(3);
            assertThat(wal.txn(3).appId()).isEqualTo(id);
        }
    }

    @Test
    void aRecordTornByACrashIsIgnored()
            throws IOException
    {
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            wal.append(BATCH);
            wal.append(BATCH);
        }
        Path segment = segments().getLast();
        byte[] bytes = Files.readAllBytes(segment);
        // cut the second record in the middle, as a crash during its append would
        Files.write(segment, Arrays.copyOf(bytes, bytes.length - 10), StandardOpenOption.TRUNCATE_EXISTING);
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            assertThat(wal.recovered()).extracting(WriteAheadLog.RecoveredBatch::sequence).containsExactly(1L);
        }
    }

    @Test
    void aRecordWithAFlippedByteIsIgnoredWithEverythingAfterIt()
            throws IOException
    {
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            wal.append(BATCH);
            wal.append(BATCH);
        }
        Path segment = segments().getLast();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 1;
        Files.write(segment, bytes);
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            assertThat(wal.recovered()).extracting(WriteAheadLog.RecoveredBatch::sequence).containsExactly(1L);
        }
    }

    @Test
    void segmentsWhoseBatchesAreAllCommittedAreDeleted()
            throws IOException
    {
        try (WriteAheadLog wal = WriteAheadLog.open(directory)) {
            wal.committed(wal.append(BATCH));
        }
        try (WriteAheadLog _ = WriteAheadLog.open(directory)) {
            assertThat(segments()).hasSize(1);
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
