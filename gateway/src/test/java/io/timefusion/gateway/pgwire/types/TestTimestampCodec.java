package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.TimestampUtils;

import java.sql.SQLException;
import java.time.LocalDateTime;

import static io.timefusion.gateway.pgwire.types.Values.hex;
import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTimestampCodec
{
    private static final LocalDateTime[] SAMPLES = {
            LocalDateTime.of(2025, 3, 1, 12, 0),
            LocalDateTime.of(2025, 3, 1, 12, 0, 0, 123_456_000),
            LocalDateTime.of(1970, 1, 1, 0, 0, 0, 500_000_000),
            LocalDateTime.of(1, 1, 1, 0, 0),
            LocalDateTime.of(-43, 3, 15, 12, 30, 15),
            LocalDateTime.of(99999, 12, 31, 23, 59, 59, 999_999_000),
    };

    private final PgTypeCodec<LocalDateTime> codec = PgType.TIMESTAMP.codec();
    private final TimestampUtils pgjdbc = PgjdbcTimestamps.utc();

    @Test
    void textIsIsoWithSpaceAndTrimmedFraction()
    {
        assertThat(utf8(codec.encodeText(LocalDateTime.of(2025, 3, 1, 12, 0)))).isEqualTo("2025-03-01 12:00:00");
        assertThat(utf8(codec.encodeText(LocalDateTime.of(2025, 3, 1, 12, 0, 0, 500_000_000)))).isEqualTo("2025-03-01 12:00:00.5");
        assertThat(utf8(codec.encodeText(LocalDateTime.of(-43, 3, 15, 12, 30, 15)))).isEqualTo("0044-03-15 12:30:15 BC");
    }

    @Test
    void binaryIsMicrosecondsSince2000()
    {
        assertThat(codec.encodeBinary(LocalDateTime.of(2000, 1, 1, 0, 0))).isEqualTo(hex("0000000000000000"));
        assertThat(codec.encodeBinary(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1_000))).isEqualTo(hex("0000000000000001"));
        assertThat(codec.encodeBinary(LocalDateTime.of(1999, 12, 31, 23, 59, 59))).isEqualTo(hex("fffffffffff0bdc0"));
    }

    @Test
    void roundTripsInBothFormats()
    {
        for (LocalDateTime sample : SAMPLES) {
            assertThat(codec.decodeText(codec.encodeText(sample))).as(sample.toString()).isEqualTo(sample);
            assertThat(codec.decodeBinary(codec.encodeBinary(sample))).as(sample.toString()).isEqualTo(sample);
        }
    }

    @Test
    void pgjdbcReadsTextAndBinary()
            throws SQLException
    {
        for (LocalDateTime sample : SAMPLES) {
            assertThat(pgjdbc.toLocalDateTime(utf8(codec.encodeText(sample)))).as(sample.toString()).isEqualTo(sample);
            assertThat(pgjdbc.toLocalDateTimeBin(codec.encodeBinary(sample))).as(sample.toString()).isEqualTo(sample);
        }
    }

    @Test
    void readsWhatPgjdbcWrites()
    {
        for (LocalDateTime sample : SAMPLES) {
            assertThat(codec.decodeText(utf8(pgjdbc.toString(sample)))).as(sample.toString()).isEqualTo(sample);
        }
    }

    @Test
    void textIgnoresAZoneAsTimestampInDoes()
    {
        assertThat(codec.decodeText(utf8("2025-03-01 12:00:00.123456+01"))).isEqualTo(LocalDateTime.of(2025, 3, 1, 12, 0, 0, 123_456_000));
        assertThat(codec.decodeText(utf8("2025-03-01T12:00:00Z"))).isEqualTo(LocalDateTime.of(2025, 3, 1, 12, 0));
    }

    @Test
    void textAcceptsDateOnlyAndEndOfDay()
    {
        assertThat(codec.decodeText(utf8("2025-03-01"))).isEqualTo(LocalDateTime.of(2025, 3, 1, 0, 0));
        assertThat(codec.decodeText(utf8("2025-03-01 24:00:00"))).isEqualTo(LocalDateTime.of(2025, 3, 2, 0, 0));
    }

    @Test
    void nanosecondsRoundToMicrosecondsInBothFormats()
    {
        LocalDateTime value = LocalDateTime.of(2025, 3, 1, 23, 59, 59, 999_999_500);

        assertThat(utf8(codec.encodeText(value))).isEqualTo("2025-03-02 00:00:00");
        assertThat(codec.decodeBinary(codec.encodeBinary(value))).isEqualTo(LocalDateTime.of(2025, 3, 2, 0, 0));
    }

    @Test
    void infinityIsLocalDateTimeMaxAndMin()
            throws SQLException
    {
        assertThat(utf8(codec.encodeText(LocalDateTime.MAX))).isEqualTo("infinity");
        assertThat(codec.encodeBinary(LocalDateTime.MAX)).isEqualTo(hex("7fffffffffffffff"));
        assertThat(codec.decodeBinary(hex("8000000000000000"))).isEqualTo(LocalDateTime.MIN);
        assertThat(codec.decodeText(utf8("-infinity"))).isEqualTo(LocalDateTime.MIN);
        assertThat(pgjdbc.toLocalDateTimeBin(codec.encodeBinary(LocalDateTime.MIN))).isEqualTo(LocalDateTime.MIN);
    }

    @Test
    void rejectsTimestampsOutsidePostgresRange()
    {
        assertThatThrownBy(() -> codec.encodeBinary(LocalDateTime.of(294_277, 1, 1, 0, 0)))
                .isInstanceOf(DatetimeFieldOverflowException.class)
                .hasMessageStartingWith("timestamp out of range");
        assertThatThrownBy(() -> codec.encodeText(LocalDateTime.of(-5000, 1, 1, 0, 0))).isInstanceOf(DatetimeFieldOverflowException.class);
        assertThatThrownBy(() -> codec.decodeBinary(hex("7ffffffffffffffe"))).isInstanceOf(DatetimeFieldOverflowException.class);
        assertThatThrownBy(() -> codec.decodeText(utf8("300000-01-01"))).isInstanceOf(DatetimeFieldOverflowException.class);
    }

    @Test
    void rejectsMalformedText()
    {
        assertThatThrownBy(() -> codec.decodeText(utf8("2025-03-01 12")))
                .isInstanceOf(InvalidTextRepresentationException.class)
                .hasMessage("invalid input syntax for type timestamp: \"2025-03-01 12\"");
    }
}
