package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;

import static io.timefusion.gateway.pgwire.types.Values.hex;
import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestIntegerCodecs
{
    @Test
    void int2RoundTripsItsExtremes()
    {
        for (short value : new short[] {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE}) {
            assertThat(PgType.INT2.decodeText(PgType.INT2.encodeText(value))).isEqualTo(value);
            assertThat(PgType.INT2.decodeBinary(PgType.INT2.encodeBinary(value))).isEqualTo(value);
        }
    }

    @Test
    void int4RoundTripsItsExtremes()
    {
        for (int value : new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}) {
            assertThat(PgType.INT4.decodeText(PgType.INT4.encodeText(value))).isEqualTo(value);
            assertThat(PgType.INT4.decodeBinary(PgType.INT4.encodeBinary(value))).isEqualTo(value);
        }
    }

    @Test
    void int8RoundTripsItsExtremes()
    {
        for (long value : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
            assertThat(PgType.INT8.decodeText(PgType.INT8.encodeText(value))).isEqualTo(value);
            assertThat(PgType.INT8.decodeBinary(PgType.INT8.encodeBinary(value))).isEqualTo(value);
        }
    }

    @Test
    void binaryIsBigEndianTwosComplement()
    {
        assertThat(PgType.INT2.encodeBinary((short) -2)).isEqualTo(hex("fffe"));
        assertThat(PgType.INT4.encodeBinary(0x01020304)).isEqualTo(hex("01020304"));
        assertThat(PgType.INT8.encodeBinary(-1L)).isEqualTo(hex("ffffffffffffffff"));
    }

    @Test
    void textIsPlainDecimal()
    {
        assertThat(utf8(PgType.INT8.encodeText(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
    }

    @Test
    void textAcceptsSignAndSurroundingWhitespace()
    {
        assertThat(PgType.INT4.decodeText(utf8("  +42\n"))).isEqualTo(42);
        assertThat(PgType.INT4.decodeText(utf8("-0042"))).isEqualTo(-42);
    }

    @Test
    void textRejectsWhatIsNotAnInteger()
    {
        for (String text : new String[] {"abc", "", "-", "1.0", "1e3", "4 2", "0x1F"}) {
            assertThatThrownBy(() -> PgType.INT4.decodeText(utf8(text)))
                    .as(text)
                    .isInstanceOf(InvalidTextRepresentationException.class)
                    .hasMessage("invalid input syntax for type integer: \"%s\"", text);
        }
    }

    @Test
    void textRejectsValuesOutOfRangeWithPostgresMessage()
    {
        assertThatThrownBy(() -> PgType.INT2.decodeText(utf8("32768")))
                .isInstanceOf(NumericValueOutOfRangeException.class)
                .hasMessage("value \"32768\" is out of range for type smallint")
                .extracting(e -> ((PgDataException) e).sqlState()).isEqualTo("22003");
        assertThatThrownBy(() -> PgType.INT4.decodeText(utf8("-2147483649"))).hasMessage("value \"-2147483649\" is out of range for type integer");
        assertThatThrownBy(() -> PgType.INT8.decodeText(utf8("9223372036854775808"))).hasMessage("value \"9223372036854775808\" is out of range for type bigint");
    }

    @Test
    void invalidSyntaxCarriesSqlState22P02()
    {
        assertThatThrownBy(() -> PgType.INT8.decodeText(utf8("x")))
                .extracting(e -> ((PgDataException) e).sqlState()).isEqualTo("22P02");
    }

    @Test
    void binaryRejectsWrongLength()
    {
        assertThatThrownBy(() -> PgType.INT4.decodeBinary(new byte[8]))
                .isInstanceOf(InvalidBinaryRepresentationException.class)
                .hasMessage("invalid binary representation for type integer: expected 4 bytes, got 8");
    }
}
