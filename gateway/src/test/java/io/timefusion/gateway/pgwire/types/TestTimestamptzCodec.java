package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.TimestampUtils;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static io.timefusion.gateway.pgwire.types.Values.hex;
import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTimestamptzCodec
{
    private static final OffsetDateTime NOON_UTC = OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 123_456_000, ZoneOffset.UTC);

    private final PgTypeCodec<OffsetDateTime> codec = PgType.TIMESTAMPTZ.codec();
    private final TimestampUtils pgjdbc = PgjdbcTimestamps.utc();

    @Test
    void textIsInUtcAsPostgresPrintsItWithTimeZoneUtc()
    {
        assertThat(utf8(codec.encodeText(NOON_UTC))).isEqualTo("2025-03-01 12:00:00.123456+00");
        assertThat(utf8(codec.encodeText(OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))))).isEqualTo("2025-03-01 06:30:00+00");
        assertThat(utf8(codec.encodeText(OffsetDateTime.of(-43, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC)))).isEqualTo("0044-03-15 12:00:00+00 BC");
    }

    @Test
    void textAcceptsWhatPgjdbcAndPsycopgSend()
    {
        assertThat(codec.decodeText(utf8("2025-03-01 12:00:00.123456+00"))).isEqualTo(NOON_UTC);
        assertThat(codec.decodeText(utf8("2025-03-01 12:00:00+01:30"))).isEqualTo(OffsetDateTime.of(2025, 3, 1, 10, 30, 0, 0, ZoneOffset.UTC));
        assertThat(codec.decodeText(utf8("2025-03-01T12:00:00.123456+00:00"))).isEqualTo(NOON_UTC);
        assertThat(codec.decodeText(utf8("2025-03-01T12:00:00Z"))).isEqualTo(OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC));
        assertThat(codec.decodeText(utf8("2025-03-01 12:00:00-0800"))).isEqualTo(OffsetDateTime.of(2025, 3, 1, 20, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void textWithoutZoneIsReadInUtc()
    {
        assertThat(codec.decodeText(utf8("2025-03-01 12:00:00.123456"))).isEqualTo(NOON_UTC);
    }

    @Test
    void textAcceptsRegionZones()
    {
        assertThat(codec.decodeText(utf8("2025-07-01 12:00:00 Europe/Berlin"))).isEqualTo(OffsetDateTime.of(2025, 7, 1, 10, 0, 0, 0, ZoneOffset.UTC));
        assertThat(codec.decodeText(utf8("2025-07-01 12:00:00 utc"))).isEqualTo(OffsetDateTime.of(2025, 7, 1, 12, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void rejectsUnknownZone()
    {
        assertThatThrownBy(() -> codec.decodeText(utf8("2025-07-01 12:00:00 Mars/Olympus")))
                .isInstanceOf(InvalidTextRepresentationException.class)
                .hasMessage("time zone \"Mars/Olympus\" not recognized");
    }

    @Test
    void binaryIsMicrosecondsSince2000Utc()
    {
        assertThat(codec.encodeBinary(OffsetDateTime.of(2000, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(1)))).isEqualTo(hex("0000000000000000"));
        assertThat(codec.decodeBinary(hex("0000000000000001"))).isEqualTo(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 1_000, ZoneOffset.UTC));
    }

    @Test
    void pgjdbcReadsTextAndBinaryAsTheSameInstant()
            throws SQLException
    {
        OffsetDateTime value = OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 123_456_000, ZoneOffset.ofHours(-7));

        assertThat(pgjdbc.toOffsetDateTime(utf8(codec.encodeText(value)))).isAtSameInstantAs(value);
        assertThat(pgjdbc.toOffsetDateTimeBin(codec.encodeBinary(value))).isAtSameInstantAs(value);
    }

    @Test
    void readsWhatPgjdbcWrites()
    {
        OffsetDateTime value = OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 123_456_000, ZoneOffset.ofHoursMinutes(1, 30));

        assertThat(codec.decodeText(utf8(pgjdbc.toString(value)))).isAtSameInstantAs(value);
    }

    @Test
    void decodedValuesAreAtUtc()
    {
        assertThat(codec.decodeText(utf8("2025-03-01 12:00:00+05")).getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void infinityIsOffsetDateTimeMaxAndMin()
    {
        assertThat(utf8(codec.encodeText(OffsetDateTime.MAX))).isEqualTo("infinity");
        assertThat(codec.decodeText(utf8("-infinity"))).isEqualTo(OffsetDateTime.MIN);
        assertThat(codec.decodeBinary(codec.encodeBinary(OffsetDateTime.MAX))).isEqualTo(OffsetDateTime.MAX);
    }

    @Test
    void rejectsInstantsOutsidePostgresRange()
    {
        assertThatThrownBy(() -> codec.encodeBinary(OffsetDateTime.of(LocalDateTime.of(300_000, 1, 1, 0, 0), ZoneOffset.UTC)))
                .isInstanceOf(DatetimeFieldOverflowException.class);
        assertThatThrownBy(() -> codec.encodeBinary(OffsetDateTime.of(LocalDateTime.MAX, ZoneOffset.ofHours(-1))))
                .isInstanceOf(DatetimeFieldOverflowException.class);
    }

    @Test
    void rejectsOffsetBeyondEighteenHours()
    {
        assertThatThrownBy(() -> codec.decodeText(utf8("2025-03-01 12:00:00+19")))
                .isInstanceOf(DatetimeFieldOverflowException.class)
                .hasMessageStartingWith("time zone displacement out of range");
    }
}
