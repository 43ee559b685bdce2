package io.timefusion.gateway.copy;

import io.timefusion.contract.BatchColumnType;
import io.timefusion.gateway.ingest.IngestColumn;
import io.timefusion.gateway.ingest.IngestTable;
import io.timefusion.gateway.ingest.RowBatch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCopyRows
{
    private static final IngestTable TABLE = new IngestTable("otel_logs_and_spans", List.of(
            new IngestColumn("id", BatchColumnType.VARCHAR, false),
            new IngestColumn("timestamp", BatchColumnType.TIMESTAMPTZ, false),
            new IngestColumn("level", BatchColumnType.VARCHAR, true),
            new IngestColumn("status_code", BatchColumnType.INTEGER, true)));
    private static final CopyFormat TEXT = CopyFormat.of(Map.of());
    private static final CopyFormat CSV_WITH_HEADER = CopyFormat.of(Map.of("format", Optional.of("csv"), "header", Optional.empty()));

    @Test
    void recordsMaySpanCopyDataMessagesAnywhere()
    {
        RowBatch batch = copy(TEXT, "a\t2025-06-01 12:00:00+00\tIN", "FO\t200\nb\t2025-06-01 12:00:00+00\t\\N\t\\N", "\r\n");
        assertThat(batch.rows()).containsExactly(
                new Object[] {"a", Instant.parse("2025-06-01T12:00:00Z"), "INFO", 200},
                new Object[] {"b", Instant.parse("2025-06-01T12:00:00Z"), null, null});
    }

    @Test
    void csvQuotesHoldDelimitersNewlinesAndQuotesAndOnlyUnquotedEmptyIsNull()
    {
        RowBatch batch = copy(CSV_WITH_HEADER, "id,timestamp,level,status_code\n\"a,\n\"\"x\"\"\",2025-06-01 12:00:00+00,\"\",\nb,2025-06-01 12:00:00+00,,1");
        assertThat(batch.rows()).containsExactly(
                new Object[] {"a,\n\"x\"", Instant.parse("2025-06-01T12:00:00Z"), "", null},
                new Object[] {"b", Instant.parse("2025-06-01T12:00:00Z"), null, 1});
    }

    @Test
    void aFieldMayBeQuotedInParts()
    {
        RowBatch batch = copy(CSV_WITH_HEADER, "h\nab\"c,d\"e,2025-06-01 12:00:00+00,x\"y\"\"z\",1\n");
        assertThat(batch.rows()).containsExactly(
                new Object[] {"abc,de", Instant.parse("2025-06-01T12:00:00Z"), "xy\"z", 1});
    }

    @Test
    void theEndMarkerEndsTheData()
    {
        assertThat(copy(TEXT, "a\t2025-06-01 12:00:00+00\t\\N\t1\n\\.\nignored\n").rowCount()).isEqualTo(1);
    }

    @Test
    void aMissingFieldNamesTheColumnAndTheLine()
    {
        assertThatThrownBy(() -> copy(CSV_WITH_HEADER, "header\nb,2025-06-01 12:00:00+00,,1\nc,2025-06-01 12:00:00+00\n"))
                .isInstanceOfSatisfying(CopyException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22P04");
                    assertThat(e.getMessage()).isEqualTo("missing data for column \"level\"");
                    assertThat(e.context()).contains("COPY otel_logs_and_spans, line 3: \"c,2025-06-01 12:00:00+00\"");
                });
    }

    @Test
    void aBadValueNamesLineColumnAndValue()
    {
        assertThatThrownBy(() -> copy(TEXT, "a\t2025-06-01 12:00:00+00\tx\tnope\n"))
                .isInstanceOfSatisfying(CopyException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22P02");
                    assertThat(e.context()).contains("COPY otel_logs_and_spans, line 1, column status_code: \"nope\"");
                });
    }

    @Test
    void anUnterminatedQuoteAtTheEndIsAnError()
    {
        assertThatThrownBy(() -> copy(CSV_WITH_HEADER, "h\n\"a,2025-06-01 12:00:00+00,,1\n"))
                .isInstanceOfSatisfying(CopyException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22P04");
                    assertThat(e.getMessage()).isEqualTo("unterminated CSV quoted field");
                });
    }

    @Test
    void rowsBeyondTheSizeLimitFailWithProgramLimitExceeded()
    {
        CopyRows rows = new CopyRows(TABLE, TABLE.columns(), TEXT, 1000);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                rows.feed("a\t2025-06-01 12:00:00+00\tINFO\t1\n".getBytes(StandardCharsets.UTF_8));
            }
        }).isInstanceOfSatisfying(CopyException.class, e -> assertThat(e.sqlState()).isEqualTo("54000"));
    }

    @Test
    void aNulByteWrittenOrEscapedIsRefusedLikePostgresDoes()
    {
        for (String line : new String[] {"a\0b\t2025-06-01 12:00:00+00\t\\N\t1\n", "a\\000b\t2025-06-01 12:00:00+00\t\\N\t1\n", "a\\x00\t2025-06-01 12:00:00+00\t\\N\t1\n"}) {
            assertThatThrownBy(() -> copy(TEXT, line))
                    .isInstanceOfSatisfying(CopyException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("22021");
                        assertThat(e.getMessage()).isEqualTo("invalid byte sequence for encoding \"UTF8\": 0x00");
                        assertThat(e.context()).hasValue("COPY otel_logs_and_spans, line 1");
                    });
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedButAReplacementCharacterWrittenAsSuchIsText()
    {
        CopyRows rows = new CopyRows(TABLE, TABLE.columns(), TEXT, Long.MAX_VALUE);
        assertThatThrownBy(() -> rows.feed(new byte[] {'a', (byte) 0xC3, '(', '\t', '2', '0', '2', '5', '-', '0', '6', '-', '0', '1', '\t', '\\', 'N', '\t', '1', '\n'}))
                .isInstanceOfSatisfying(CopyException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("22021");
                    assertThat(e.getMessage()).isEqualTo("invalid byte sequence for encoding \"UTF8\": 0xc3");
                });
        assertThat(copy(TEXT, "\uFFFD\t2025-06-01 12:00:00+00\t\\N\t1\n").rows().getFirst()[0]).isEqualTo("\uFFFD");
    }

    private static RowBatch copy(CopyFormat format, String... chunks)
    {
        CopyRows rows = new CopyRows(TABLE, TABLE.columns(), format, Long.MAX_VALUE);
        for (String chunk : chunks) {
            rows.feed(chunk.getBytes(StandardCharsets.UTF_8));
        }
        return rows.finish();
    }
}
