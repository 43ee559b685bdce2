package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PGInterval;

import java.sql.SQLException;

import static io.timefusion.gateway.pgwire.types.Values.hex;
import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestIntervalCodec
{
    private static final long HOUR = 3_600_000_000L;
    private static final long MINUTE = 60_000_000L;
    private static final long SECOND = 1_000_000L;

    private final PgTypeCodec<PgInterval> codec = PgType.INTERVAL.codec();

    @Test
    void textFollowsIntervalStylePostgres()
    {
        assertText(new PgInterval(14, 3, 4 * HOUR + 5 * MINUTE + 6_789_000), "1 year 2 mons 3 days 04:05:06.789");
        assertText(new PgInterval(0, 0, 0), "00:00:00");
        assertText(new PgInterval(1, 0, 0), "1 mon");
        assertText(new PgInterval(24, 2, 0), "2 years 2 days");
        assertText(new PgInterval(0, 1, 0), "1 day");
        assertText(new PgInterval(0, 0, 100 * HOUR), "100:00:00");
        assertText(new PgInterval(0, 0, 1_500_000), "00:00:01.5");
    }

    @Test
    void textMarksAPositivePartAfterANegativeOne()
    {
        assertText(new PgInterval(-14, 0, 0), "-1 years -2 mons");
        assertText(new PgInterval(0, -1, HOUR), "-1 days +01:00:00");
        assertText(new PgInterval(-1, 1, 0), "-1 mons +1 day");
        assertText(new PgInterval(0, 0, -HOUR - 1), "-01:00:00.000001");
        assertText(new PgInterval(0, 1, -HOUR), "1 day -01:00:00");
    }

    @Test
    void pgjdbcReadsTheText()
            throws SQLException
    {
        PGInterval parsed = new PGInterval(utf8(codec.encodeText(new PgInterval(-14, 3, -(4 * HOUR + 5 * MINUTE + 6_789_000)))));

        assertThat(parsed.getYears()).isEqualTo(-1);
        assertThat(parsed.getMonths()).isEqualTo(-2);
        assertThat(parsed.getDays()).isEqualTo(3);
        assertThat(parsed.getHours()).isEqualTo(-4);
        assertThat(parsed.getMinutes()).isEqualTo(-5);
        assertThat(parsed.getSeconds()).isCloseTo(-6.789, within(1e-9));
    }

    @Test
    void readsWhatPgjdbcWrites()
            throws SQLException
    {
        PGInterval interval = new PGInterval(1, 2, 3, 4, 5, 6.5);

        assertThat(codec.decodeText(utf8(interval.getValue()))).isEqualTo(new PgInterval(14, 3, 4 * HOUR + 5 * MINUTE + 6_500_000));
    }

    @Test
    void readsNegativePgjdbcValues()
            throws SQLException
    {
        PGInterval interval = new PGInterval(0, -1, -2, -3, 0, -0.25);

        assertThat(codec.decodeText(utf8(interval.getValue()))).isEqualTo(new PgInterval(-1, -2, -3 * HOUR - 250_000));
    }

    @Test
    void textRoundTrips()
    {
        for (PgInterval value : new PgInterval[] {
                new PgInterval(14, 3, 4 * HOUR + 5 * MINUTE + 6_789_000),
                new PgInterval(-14, 3, -HOUR),
                new PgInterval(0, -1, HOUR),
                new PgInterval(0, 0, 0),
                new PgInterval(Integer.MAX_VALUE - 1, Integer.MIN_VALUE, Long.MIN_VALUE + 1),
                PgInterval.INFINITY}) {
            assertThat(codec.decodeText(codec.encodeText(value))).as(value.toString()).isEqualTo(value);
        }
    }

    @Test
    void readsPostgresStyleUnitsAndAbbreviations()
    {
        assertThat(decode("1 year 2 months 3 days")).isEqualTo(new PgInterval(14, 3, 0));
        assertThat(decode("2 weeks")).isEqualTo(new PgInterval(0, 14, 0));
        assertThat(decode("@ 1 hr 30 mins")).isEqualTo(new PgInterval(0, 0, 90 * MINUTE));
        assertThat(decode("10min 5s")).isEqualTo(new PgInterval(0, 0, 10 * MINUTE + 5 * SECOND));
        assertThat(decode("250 ms 3 us")).isEqualTo(new PgInterval(0, 0, 250_003));
        assertThat(decode("1 decade 1 century 1 millennium")).isEqualTo(new PgInterval(12 * 1110, 0, 0));
        assertThat(decode("3 04:05:06")).isEqualTo(new PgInterval(0, 3, 4 * HOUR + 5 * MINUTE + 6 * SECOND));
        assertThat(decode("-1 day +02:00:00")).isEqualTo(new PgInterval(0, -1, 2 * HOUR));
        assertThat(decode("10")).isEqualTo(new PgInterval(0, 0, 10 * SECOND));
        assertThat(decode("1-2")).isEqualTo(new PgInterval(14, 0, 0));
    }

    @Test
    void agoNegatesEverything()
    {
        assertThat(decode("1 day 2 hours ago")).isEqualTo(new PgInterval(0, -1, -2 * HOUR));
    }

    @Test
    void fractionsSpillAsInPostgres()
    {
        assertThat(decode("1.5 years")).isEqualTo(new PgInterval(18, 0, 0));
        assertThat(decode("1.5 months")).isEqualTo(new PgInterval(1, 15, 0));
        assertThat(decode("1.5 days")).isEqualTo(new PgInterval(0, 1, 12 * HOUR));
        assertThat(decode("1.5 weeks")).isEqualTo(new PgInterval(0, 10, 12 * HOUR));
        assertThat(decode("-1.5 hours")).isEqualTo(new PgInterval(0, 0, -90 * MINUTE));
        assertThat(decode("0.001 months")).isEqualTo(new PgInterval(0, 0, 2_592_000_000L));
    }

    @Test
    void readsIso8601Designators()
    {
        assertThat(decode("P1Y2M3DT4H5M6S")).isEqualTo(new PgInterval(14, 3, 4 * HOUR + 5 * MINUTE + 6 * SECOND));
        assertThat(decode("PT1.5S")).isEqualTo(new PgInterval(0, 0, 1_500_000));
        assertThat(decode("P2W")).isEqualTo(new PgInterval(0, 14, 0));
        assertThat(decode("PT-1H30M")).isEqualTo(new PgInterval(0, 0, -HOUR + 30 * MINUTE));
        assertThat(decode("P0.5Y")).isEqualTo(new PgInterval(6, 0, 0));
    }

    @Test
    void rejectsMalformedText()
    {
        for (String text : new String[] {"", "1 fortnight", "year", "P", "PT", "P1H", "1 2", "1:2:3:4"}) {
            assertThatThrownBy(() -> decode(text))
                    .as(text)
                    .isInstanceOf(InvalidTextRepresentationException.class)
                    .hasMessage("invalid input syntax for type interval: \"%s\"", text);
        }
    }

    @Test
    void rejectsValuesTheFieldsCannotHold()
    {
        assertThatThrownBy(() -> decode("300000000 years")).isInstanceOf(DatetimeFieldOverflowException.class).hasMessage("interval out of range");
        assertThatThrownBy(() -> decode("99999999999999999999 seconds")).isInstanceOf(DatetimeFieldOverflowException.class);
        assertThatThrownBy(() -> decode("01:61:00")).isInstanceOf(DatetimeFieldOverflowException.class);
    }

    @Test
    void binaryIsMicrosecondsThenDaysThenMonths()
    {
        PgInterval value = new PgInterval(14, 3, 4 * HOUR);

        assertThat(codec.encodeBinary(value)).isEqualTo(hex("000000035a4e9000 00000003 0000000e"));
        assertThat(codec.decodeBinary(hex("000000035a4e9000 00000003 0000000e"))).isEqualTo(value);
    }

    @Test
    void infinityIsTheAllMaximumSentinel()
    {
        assertText(PgInterval.INFINITY, "infinity");
        assertText(PgInterval.NEGATIVE_INFINITY, "-infinity");
        assertThat(codec.encodeBinary(PgInterval.INFINITY)).isEqualTo(hex("7fffffffffffffff 7fffffff 7fffffff"));
        assertThat(decode("-infinity")).isEqualTo(PgInterval.NEGATIVE_INFINITY);
    }

    private void assertText(PgInterval value, String expected)
    {
        assertThat(utf8(codec.encodeText(value))).isEqualTo(expected);
    }

    private PgInterval decode(String text)
    {
        return codec.decodeText(utf8(text));
    }
}
