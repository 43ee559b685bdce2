package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.timefusion.gateway.pgwire.types.Values.hex;
import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFloatCodecs
{
    @Test
    void float8TextMatchesPostgresShortestOutput()
    {
        assertFloat8Text(1.1, "1.1");
        assertFloat8Text(0.1 + 0.2, "0.30000000000000004");
        assertFloat8Text(Math.PI, "3.141592653589793");
        assertFloat8Text(100, "100");
        assertFloat8Text(-2.5, "-2.5");
        assertFloat8Text(1e14, "100000000000000");
        assertFloat8Text(123456789012345.0, "123456789012345");
        assertFloat8Text(1e15, "1e+15");
        assertFloat8Text(123456789012345678.0, "1.2345678901234568e+17");
        assertFloat8Text(0.0001, "0.0001");
        assertFloat8Text(0.00001, "1e-05");
        assertFloat8Text(1.5e-10, "1.5e-10");
        assertFloat8Text(1e100, "1e+100");
        assertFloat8Text(Double.MAX_VALUE, "1.7976931348623157e+308");
        assertFloat8Text(-Double.MAX_VALUE, "-1.7976931348623157e+308");
    }

    @Test
    void float8TextOfSmallestSubnormalIsOneDigitLikeRyu()
    {
        // Java prints 4.9E-324, Ryu (and so Postgres) the shorter 5e-324
        assertFloat8Text(Double.MIN_VALUE, "5e-324");
    }

    @Test
    void float8TextOfSpecialValues()
    {
        assertFloat8Text(Double.NaN, "NaN");
        assertFloat8Text(Double.POSITIVE_INFINITY, "Infinity");
        assertFloat8Text(Double.NEGATIVE_INFINITY, "-Infinity");
        assertFloat8Text(0.0, "0");
        assertFloat8Text(-0.0, "-0");
    }

    @Test
    void float4TextMatchesPostgresShortestOutput()
    {
        assertFloat4Text(1.1f, "1.1");
        assertFloat4Text(100000f, "100000");
        assertFloat4Text(1e6f, "1e+06");
        assertFloat4Text(1234567f, "1.234567e+06");
        assertFloat4Text(0.0001f, "0.0001");
        assertFloat4Text(0.00001f, "1e-05");
        assertFloat4Text(Float.MAX_VALUE, "3.4028235e+38");
        assertFloat4Text(Float.MIN_VALUE, "1e-45");
        assertFloat4Text(Float.NaN, "NaN");
        assertFloat4Text(Float.NEGATIVE_INFINITY, "-Infinity");
        assertFloat4Text(-0.0f, "-0");
    }

    @Test
    void float8TextRoundTripsRandomValuesExactly()
    {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            byte[] text = PgType.FLOAT8.encodeText(value);
            if (!Double.isNaN(value)) {
                assertThat(PgType.FLOAT8.decodeText(text)).as(utf8(text)).isEqualTo(value);
            }
        }
    }

    @Test
    void float4TextRoundTripsRandomValuesExactly()
    {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            byte[] text = PgType.FLOAT4.encodeText(value);
            if (!Float.isNaN(value)) {
                assertThat(PgType.FLOAT4.decodeText(text)).as(utf8(text)).isEqualTo(value);
            }
        }
    }

    @Test
    void textAcceptsSpecialWordsInAnyCase()
    {
        assertThat(PgType.FLOAT8.decodeText(utf8("nan"))).isNaN();
        assertThat(PgType.FLOAT8.decodeText(utf8("-Infinity"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PgType.FLOAT8.decodeText(utf8(" inf "))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PgType.FLOAT4.decodeText(utf8("INFINITY"))).isEqualTo(Float.POSITIVE_INFINITY);
    }

    @Test
    void textAcceptsDecimalForms()
    {
        assertThat(PgType.FLOAT8.decodeText(utf8(".5"))).isEqualTo(0.5);
        assertThat(PgType.FLOAT8.decodeText(utf8("5."))).isEqualTo(5.0);
        assertThat(PgType.FLOAT8.decodeText(utf8("-1.5E+3"))).isEqualTo(-1500.0);
    }

    @Test
    void textRejectsJavaOnlySyntax()
    {
        for (String text : new String[] {"1.5d", "1f", "0x1p3", "abc", ""}) {
            assertThatThrownBy(() -> PgType.FLOAT8.decodeText(utf8(text)))
                    .as(text)
                    .isInstanceOf(InvalidTextRepresentationException.class)
                    .hasMessage("invalid input syntax for type double precision: \"%s\"", text);
        }
    }

    @Test
    void textRejectsOverflowAndUnderflow()
    {
        assertThatThrownBy(() -> PgType.FLOAT8.decodeText(utf8("1e400")))
                .isInstanceOf(NumericValueOutOfRangeException.class)
                .hasMessage("\"1e400\" is out of range for type double precision");
        assertThatThrownBy(() -> PgType.FLOAT8.decodeText(utf8("1e-400"))).isInstanceOf(NumericValueOutOfRangeException.class);
        assertThatThrownBy(() -> PgType.FLOAT4.decodeText(utf8("1e39")))
                .isInstanceOf(NumericValueOutOfRangeException.class)
                .hasMessage("\"1e39\" is out of range for type real");
        assertThat(PgType.FLOAT8.decodeText(utf8("0e-400"))).isZero();
    }

    @Test
    void binaryIsIeee754BigEndian()
    {
        assertThat(PgType.FLOAT8.encodeBinary(1.0)).isEqualTo(hex("3ff0000000000000"));
        assertThat(PgType.FLOAT4.encodeBinary(1.0f)).isEqualTo(hex("3f800000"));
        assertThat(PgType.FLOAT8.decodeBinary(PgType.FLOAT8.encodeBinary(Double.NaN))).isNaN();
        assertThat(PgType.FLOAT4.decodeBinary(hex("ff800000"))).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    private static void assertFloat8Text(double value, String expected)
    {
        assertThat(utf8(PgType.FLOAT8.encodeText(value))).isEqualTo(expected);
    }

    private static void assertFloat4Text(float value, String expected)
    {
        assertThat(utf8(PgType.FLOAT4.encodeText(value))).isEqualTo(expected);
    }
}
