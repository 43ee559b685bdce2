package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.TimestampUtils;

import java.sql.SQLException;
import java.time.LocalTime;

import static io.timefusion.gateway.pgwire.types.Values.hex;
import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTimeCodec
{
    private final PgTypeCodec<LocalTime> codec = PgType.TIME.codec();
    private final TimestampUtils pgjdbc = PgjdbcTimestamps.utc();

    @Test
    void textTrimsTrailingZerosOfTheFraction()
    {
        assertThat(utf8(codec.encodeText(LocalTime.of(4, 5, 6, 789_000_000)))).isEqualTo("04:05:06.789");
        assertThat(utf8(codec.encodeText(LocalTime.of(4, 5)))).isEqualTo("04:05:00");
        assertThat(utf8(codec.encodeText(LocalTime.of(23, 59, 59, 999_999_000)))).isEqualTo("23:59:59.999999");
    }

    @Test
    void nanosecondsRoundHalfUpToMicroseconds()
    {
        assertThat(utf8(codec.encodeText(LocalTime.of(0, 0, 0, 1_500)))).isEqualTo("00:00:00.000002");
        assertThat(utf8(codec.encodeText(LocalTime.of(0, 0, 0, 1_499)))).isEqualTo("00:00:00.000001");
    }

    @Test
    void binaryIsMicrosecondsSinceMidnight()
    {
        assertThat(codec.encodeBinary(LocalTime.of(0, 0, 1))).isEqualTo(hex("00000000000f4240"));
        assertThat(codec.decodeBinary(hex("00000000000f4241"))).isEqualTo(LocalTime.of(0, 0, 1, 1_000));
    }

    @Test
    void midnightAtEndOfDayIsLocalTimeMaxAsInPgjdbc()
            throws SQLException
    {
        assertThat(utf8(codec.encodeText(LocalTime.MAX))).isEqualTo("24:00:00");
        assertThat(codec.decodeText(utf8("24:00:00"))).isEqualTo(LocalTime.MAX);
        assertThat(codec.decodeBinary(codec.encodeBinary(LocalTime.MAX))).isEqualTo(LocalTime.MAX);
        assertThat(pgjdbc.toLocalTime("24:00:00")).isEqualTo(LocalTime.MAX);
    }

    @Test
    void pgjdbcReadsTextAndBinary()
            throws SQLException
    {
        LocalTime time = LocalTime.of(13, 14, 15, 123_456_000);

        assertThat(pgjdbc.toLocalTime(utf8(codec.encodeText(time)))).isEqualTo(time);
        assertThat(pgjdbc.toLocalTimeBin(codec.encodeBinary(time))).isEqualTo(time);
    }

    @Test
    void readsWhatPgjdbcWrites()
    {
        LocalTime time = LocalTime.of(13, 14, 15, 123_456_000);

        assertThat(codec.decodeText(utf8(pgjdbc.toString(time)))).isEqualTo(time);
    }

    @Test
    void textAcceptsShortFormsAndIgnoresZone()
    {
        assertThat(codec.decodeText(utf8("4:05"))).isEqualTo(LocalTime.of(4, 5));
        assertThat(codec.decodeText(utf8("04:05:06.7891239"))).isEqualTo(LocalTime.of(4, 5, 6, 789_124_000));
        assertThat(codec.decodeText(utf8("04:05:06+02"))).isEqualTo(LocalTime.of(4, 5, 6));
        assertThat(codec.decodeText(utf8("2025-03-01 04:05:06"))).isEqualTo(LocalTime.of(4, 5, 6));
    }

    @Test
    void rejectsFieldsOutOfRange()
    {
        assertThatThrownBy(() -> codec.decodeText(utf8("25:00:00")))
                .isInstanceOf(DatetimeFieldOverflowException.class)
                .hasMessage("date/time field value out of range: \"25:00:00\"");
        assertThatThrownBy(() -> codec.decodeText(utf8("24:00:01"))).isInstanceOf(DatetimeFieldOverflowException.class);
        assertThatThrownBy(() -> codec.decodeBinary(hex("0000001421d5a001"))).isInstanceOf(DatetimeFieldOverflowException.class);
    }

    @Test
    void rejectsMalformedText()
    {
        assertThatThrownBy(() -> codec.decodeText(utf8("noon")))
                .isInstanceOf(InvalidTextRepresentationException.class)
                .hasMessage("invalid input syntax for type time without time zone: \"noon\"");
        assertThatThrownBy(() -> codec.decodeText(utf8("2025-03-01"))).isInstanceOf(InvalidTextRepresentationException.class);
    }
}
