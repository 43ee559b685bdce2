package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.TimestampUtils;

import java.sql.SQLException;
import java.time.LocalDate;

import static io.timefusion.gateway.pgwire.types.Values.hex;
import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDateCodec
{
    private final PgTypeCodec<LocalDate> codec = PgType.DATE.codec();
    private final TimestampUtils pgjdbc = PgjdbcTimestamps.utc();

    @Test
    void textIsIsoWithBcSuffixBeforeYearOne()
    {
        assertThat(utf8(codec.encodeText(LocalDate.of(2025, 3, 1)))).isEqualTo("2025-03-01");
        assertThat(utf8(codec.encodeText(LocalDate.of(33, 1, 2)))).isEqualTo("0033-01-02");
        assertThat(utf8(codec.encodeText(LocalDate.of(-43, 3, 15)))).isEqualTo("0044-03-15 BC");
        assertThat(utf8(codec.encodeText(LocalDate.of(12345, 6, 7)))).isEqualTo("12345-06-07");
    }

    @Test
    void binaryIsDaysSince2000()
    {
        assertThat(codec.encodeBinary(LocalDate.of(2000, 1, 1))).isEqualTo(hex("00000000"));
        assertThat(codec.encodeBinary(LocalDate.of(1999, 12, 31))).isEqualTo(hex("ffffffff"));
        assertThat(codec.decodeBinary(hex("00000100"))).isEqualTo(LocalDate.of(2000, 9, 13));
    }

    @Test
    void pgjdbcReadsTextAndBinary()
            throws SQLException
    {
        for (LocalDate date : new LocalDate[] {LocalDate.of(2025, 3, 1), LocalDate.of(1, 1, 1), LocalDate.of(-43, 3, 15), LocalDate.of(9999, 12, 31)}) {
            assertThat(pgjdbc.toLocalDateTime(utf8(codec.encodeText(date))).toLocalDate()).as(date.toString()).isEqualTo(date);
            assertThat(pgjdbc.toLocalDateBin(codec.encodeBinary(date))).as(date.toString()).isEqualTo(date);
        }
    }

    @Test
    void readsWhatPgjdbcWrites()
    {
        LocalDate date = LocalDate.of(-43, 3, 15);

        assertThat(codec.decodeText(utf8(pgjdbc.toString(date)))).isEqualTo(date);
    }

    @Test
    void infinityIsLocalDateMaxAndMin()
    {
        assertThat(utf8(codec.encodeText(LocalDate.MAX))).isEqualTo("infinity");
        assertThat(codec.encodeBinary(LocalDate.MIN)).isEqualTo(hex("80000000"));
        assertThat(codec.decodeBinary(hex("7fffffff"))).isEqualTo(LocalDate.MAX);
        assertThat(codec.decodeText(utf8("-infinity"))).isEqualTo(LocalDate.MIN);
    }

    @Test
    void textIgnoresTimeAndZoneAsDateInDoes()
    {
        assertThat(codec.decodeText(utf8("2025-03-01 +01"))).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(codec.decodeText(utf8("2025-03-01T23:30:00-05:00"))).isEqualTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    void rejectsImpossibleDates()
    {
        assertThatThrownBy(() -> codec.decodeText(utf8("2025-02-30")))
                .isInstanceOf(DatetimeFieldOverflowException.class)
                .hasMessage("date/time field value out of range: \"2025-02-30\"")
                .extracting(e -> ((PgDataException) e).sqlState()).isEqualTo("22008");
        assertThatThrownBy(() -> codec.decodeText(utf8("0000-01-01"))).isInstanceOf(DatetimeFieldOverflowException.class);
    }

    @Test
    void rejectsNonIsoText()
    {
        for (String text : new String[] {"03/01/2025", "25-03-01", "yesterday", "2025-03", "12:00"}) {
            assertThatThrownBy(() -> codec.decodeText(utf8(text)))
                    .as(text)
                    .isInstanceOf(InvalidTextRepresentationException.class)
                    .hasMessage("invalid input syntax for type date: \"%s\"", text);
        }
    }

    @Test
    void rejectsDatesOutsidePostgresRange()
    {
        assertThatThrownBy(() -> codec.encodeBinary(LocalDate.of(-5000, 1, 1))).isInstanceOf(DatetimeFieldOverflowException.class);
        assertThatThrownBy(() -> codec.encodeText(LocalDate.of(5_874_898, 1, 1))).isInstanceOf(DatetimeFieldOverflowException.class);
        assertThat(codec.decodeBinary(codec.encodeBinary(LocalDate.of(5_874_897, 12, 31)))).isEqualTo(LocalDate.of(5_874_897, 12, 31));
        assertThat(codec.decodeBinary(codec.encodeBinary(LocalDate.of(-4713, 11, 24)))).isEqualTo(LocalDate.of(-4713, 11, 24));
    }
}
