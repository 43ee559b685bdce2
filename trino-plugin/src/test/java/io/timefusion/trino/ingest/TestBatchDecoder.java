package io.timefusion.trino.ingest;

import io.airlift.slice.Slices;
import io.timefusion.trino.TimeFusionErrorCode;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.type.JsonType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read mode of BatchDecoder, which decodes a gateway's buffered rows; the write mode is covered through ingest_batch. */
class TestBatchDecoder
{
    private static final OtelLogsAndSpansTable TABLE = new OtelLogsAndSpansTable(JsonType.JSON);
    private static final TestingBatchEncoder ENCODER = new TestingBatchEncoder(TABLE);
    private static final BatchDecoder DECODER = new BatchDecoder(TABLE);
    // one column of every type code, so that skipping is exercised for each
    private static final List<String> ALL_TYPES = List.of("timestamp", "id", "project_id", "body", "attributes___client___port", "duration",
            "context___is_remote", "hashes", "name");

    @Test
    void readModeDecodesTheNamedColumnsInTheCallersOrderAndSkipsTheOthers()
    {
        Map<String, Object> first = row("2025-04-01T10:00:00.000001Z", "r-1", "p1");
        first.putAll(Map.of("body", "{ \"a\" : 1 }", "attributes___client___port", 8080, "duration", 42L, "context___is_remote", true,
                "hashes", List.of("h1", "h2"), "name", "first"));
        Map<String, Object> second = row("2025-04-02T00:00:00Z", "r-2", "p2");
        second.put("name", "second");

        Page page = DECODER.decodeColumns(Slices.wrappedBuffer(ENCODER.encode(ALL_TYPES, List.of(first, second))), List.of("name", "duration", "timestamp"));

        assertThat(page.getChannelCount()).isEqualTo(3);
        assertThat(page.getPositionCount()).isEqualTo(2);
        assertThat(VARCHAR.getSlice(page.getBlock(0), 0).toStringUtf8()).isEqualTo("first");
        assertThat(VARCHAR.getSlice(page.getBlock(0), 1).toStringUtf8()).isEqualTo("second");
        assertThat(BIGINT.getLong(page.getBlock(1), 0)).isEqualTo(42L);
        assertThat(page.getBlock(1).isNull(1)).isTrue();
        assertThat(epochMicros(page.getBlock(2), 0)).isEqualTo(1_743_501_600_000_001L);
    }

    @Test
    void readModeDecodesJsonAsWritesStoreIt()
    {
        Map<String, Object> values = row("2025-04-01T10:00:00Z", "r-1", "p1");
        values.put("body", "{ \"a\" : [1, 2] }");

        Page page = DECODER.decodeColumns(Slices.wrappedBuffer(ENCODER.encode(ALL_TYPES, List.of(values))), List.of("body"));

        assertThat(VARCHAR.getSlice(page.getBlock(0), 0).toStringUtf8()).isEqualTo("{\"a\":[1,2]}");
    }

    @Test
    void aNamedColumnTheBatchLacksIsNull()
    {
        byte[] batch = ENCODER.encode(List.of("timestamp", "project_id"), List.of(row("2025-04-01T10:00:00Z", null, "p1")));

        Page page = DECODER.decodeColumns(Slices.wrappedBuffer(batch), List.of("project_id", "level"));

        assertThat(page.getBlock(1).isNull(0)).isTrue();
    }

    @Test
    void readModeReturnsANullThatAWriteRefuses()
    {
        byte[] batch = ENCODER.encode(List.of("timestamp", "id", "project_id"), List.of(row("2025-04-01T10:00:00Z", null, "p1")));

        assertThatThrownBy(() -> DECODER.decode(Slices.wrappedBuffer(batch)))
                .hasMessage("NULL value not allowed for NOT NULL column: id");
        assertThat(DECODER.decodeColumns(Slices.wrappedBuffer(batch), List.of("id")).getBlock(0).isNull(0)).isTrue();
    }

    @Test
    void noColumnsGiveThePositionCountAlone()
    {
        byte[] batch = ENCODER.encode(ALL_TYPES, List.of(row("2025-04-01T10:00:00Z", "a", "p1"), row("2025-04-01T10:00:01Z", "b", "p1")));

        Page page = DECODER.decodeColumns(Slices.wrappedBuffer(batch), List.of());

        assertThat(page.getChannelCount()).isZero();
        assertThat(page.getPositionCount()).isEqualTo(2);
    }

    @Test
    void aTruncatedBatchIsCorruptBufferedRowsInReadMode()
    {
        byte[] batch = ENCODER.encode(ALL_TYPES, List.of(row("2025-04-01T10:00:00Z", "a", "p1")));
        byte[] truncated = Arrays.copyOf(batch, batch.length - 1);

        assertThatThrownBy(() -> DECODER.decodeColumns(Slices.wrappedBuffer(truncated), List.of("id")))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(TimeFusionErrorCode.TIMEFUSION_BUFFER_CORRUPT.toErrorCode()))
                .hasMessage("Corrupt batch of buffered rows: it ends before its last value");
        assertThatThrownBy(() -> DECODER.decode(Slices.wrappedBuffer(truncated)))
                .hasMessage("Corrupt ingest batch: it ends before its last value");
    }

    @Test
    void dateCannotBeDecodedOnlyDerived()
    {
        byte[] batch = ENCODER.encode(List.of("timestamp"), List.of(row("2025-04-01T10:00:00Z", null, null)));
        assertThatThrownBy(() -> DECODER.decodeColumns(Slices.wrappedBuffer(batch), List.of("date")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> row(String timestamp, String id, String projectId)
    {
        Map<String, Object> row = new HashMap<>();
        row.put("timestamp", Instant.parse(timestamp));
        row.put("id", id);
        row.put("project_id", projectId);
        return row;
    }

    private static long epochMicros(Block block, int position)
    {
        LongTimestampWithTimeZone value = (LongTimestampWithTimeZone) TIMESTAMP_TZ_MICROS.getObject(block, position);
        return value.getEpochMillis() * 1000 + value.getPicosOfMilli() / 1_000_000;
    }
}
