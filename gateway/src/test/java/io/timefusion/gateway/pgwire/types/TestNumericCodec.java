package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;
import org.postgresql.util.ByteConverter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static io.timefusion.gateway.pgwire.types.Values.hex;
import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestNumericCodec
{
    private static final List<String> SAMPLES = List.of(
            "0", "0.00", "1", "-1", "1.50", "-12345.678", "10000", "0.0001", "0.00001", "99999999", "-0.5",
            "123456789012345678901234567890.123456789012345678901234567890", "1000000000000000000000", "0.000000000000000000001");

    @Test
    void binaryMatchesPostgresBase10000Layout()
    {
        assertThat(binary("0")).isEqualTo(hex("0000 0000 0000 0000"));
        assertThat(binary("1.50")).isEqualTo(hex("0002 0000 0000 0002 0001 1388"));
        assertThat(binary("-12345.678")).isEqualTo(hex("0003 0001 4000 0003 0001 0929 1a7c"));
        assertThat(binary("10000")).isEqualTo(hex("0001 0001 0000 0000 0001"));
        assertThat(binary("0.0001")).isEqualTo(hex("0001 ffff 0000 0004 0001"));
    }

    @Test
    void binaryEqualsWhatPgjdbcSendsForNonZeroValues()
    {
        // pgjdbc gives zero weight -1 where Postgres gives it weight 0; both read either
        for (String sample : SAMPLES.stream().filter(sample -> new BigDecimal(sample).signum() != 0).toList()) {
            BigDecimal value = new BigDecimal(sample);
            assertThat(PgType.NUMERIC.encodeBinary(value)).as(sample).isEqualTo(ByteConverter.numeric(value));
        }
    }

    @Test
    void binaryIsReadBackByPgjdbcWithItsScale()
    {
        for (String sample : SAMPLES) {
            BigDecimal value = new BigDecimal(sample);
            assertThat(ByteConverter.numeric(PgType.NUMERIC.encodeBinary(value))).as(sample).isEqualTo(value);
        }
    }

    @Test
    void binaryRoundTripsRandomValues()
    {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            BigDecimal value = new BigDecimal(new BigInteger(random.nextInt(1, 200), random), random.nextInt(0, 60));
            if (random.nextBoolean()) {
                value = value.negate();
            }
            assertThat(PgType.NUMERIC.decodeBinary(PgType.NUMERIC.encodeBinary(value))).as(value.toString()).isEqualTo(value);
            assertThat(PgType.NUMERIC.decodeBinary(ByteConverter.numeric(value))).as(value.toString()).isEqualTo(value);
        }
    }

    @Test
    void negativeScaleIsSentWithScaleZero()
    {
        BigDecimal thousand = new BigDecimal("1E+3");

        assertThat(PgType.NUMERIC.decodeBinary(PgType.NUMERIC.encodeBinary(thousand))).isEqualTo(new BigDecimal("1000"));
        assertThat(utf8(PgType.NUMERIC.encodeText(thousand))).isEqualTo("1000");
    }

    @Test
    void specialValuesUseTheirSignWords()
    {
        assertThat(PgType.NUMERIC.encodeBinary(Double.NaN)).isEqualTo(hex("0000 0000 c000 0000"));
        assertThat(PgType.NUMERIC.encodeBinary(Double.POSITIVE_INFINITY)).isEqualTo(hex("0000 0000 d000 0000"));
        assertThat(PgType.NUMERIC.encodeBinary(Double.NEGATIVE_INFINITY)).isEqualTo(hex("0000 0000 f000 0000"));
        assertThat(PgType.NUMERIC.decodeBinary(hex("0000 0000 c000 0000"))).isEqualTo(Double.NaN);
        assertThat(PgType.NUMERIC.decodeBinary(hex("0000 0000 f000 0000"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ByteConverter.numeric(PgType.NUMERIC.encodeBinary(Double.NaN))).isEqualTo(Double.NaN);
    }

    @Test
    void binaryTruncatesDigitsHiddenByTheDisplayScale()
    {
        // 1.2345 sent with display scale 2, as numeric_recv truncates
        assertThat(PgType.NUMERIC.decodeBinary(hex("0002 0000 0000 0002 0001 0929"))).isEqualTo(new BigDecimal("1.23"));
    }

    @Test
    void binaryRejectsMalformedValues()
    {
        assertThatThrownBy(() -> PgType.NUMERIC.decodeBinary(hex("0002 0000 0000 0000 0001"))).isInstanceOf(InvalidBinaryRepresentationException.class);
        assertThatThrownBy(() -> PgType.NUMERIC.decodeBinary(hex("0001 0000 0000 0000 2710"))).hasMessageContaining("invalid digit");
        assertThatThrownBy(() -> PgType.NUMERIC.decodeBinary(hex("0000 0000 1234 0000"))).hasMessageContaining("invalid sign");
        assertThatThrownBy(() -> PgType.NUMERIC.decodeBinary(hex("0000"))).isInstanceOf(InvalidBinaryRepresentationException.class);
    }

    @Test
    void textIsPlainNotationKeepingTheScale()
    {
        assertThat(utf8(PgType.NUMERIC.encodeText(new BigDecimal("1.50")))).isEqualTo("1.50");
        assertThat(utf8(PgType.NUMERIC.encodeText(new BigDecimal("-1E-7")))).isEqualTo("-0.0000001");
        assertThat(utf8(PgType.NUMERIC.encodeText(Double.NaN))).isEqualTo("NaN");
        assertThat(utf8(PgType.NUMERIC.encodeText(Double.NEGATIVE_INFINITY))).isEqualTo("-Infinity");
    }

    @Test
    void textAcceptsDecimalAndExponentForms()
    {
        assertThat(PgType.NUMERIC.decodeText(utf8(" -12.340 "))).isEqualTo(new BigDecimal("-12.340"));
        assertThat(PgType.NUMERIC.decodeText(utf8("1.5e-3"))).isEqualTo(new BigDecimal("0.0015"));
        assertThat(PgType.NUMERIC.decodeText(utf8("1e5"))).isEqualTo(new BigDecimal("100000"));
        assertThat(PgType.NUMERIC.decodeText(utf8(".5"))).isEqualTo(new BigDecimal("0.5"));
        assertThat(PgType.NUMERIC.decodeText(utf8("NaN"))).isEqualTo(Double.NaN);
        assertThat(PgType.NUMERIC.decodeText(utf8("-infinity"))).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void textRejectsWhatIsNotANumber()
    {
        assertThatThrownBy(() -> PgType.NUMERIC.decodeText(utf8("12a")))
                .isInstanceOf(InvalidTextRepresentationException.class)
                .hasMessage("invalid input syntax for type numeric: \"12a\"");
    }

    @Test
    void rejectsValuesBeyondPostgresLimits()
    {
        assertThatThrownBy(() -> PgType.NUMERIC.decodeText(utf8("1e200000"))).isInstanceOf(NumericValueOutOfRangeException.class);
        assertThatThrownBy(() -> PgType.NUMERIC.encodeBinary(new BigDecimal(BigInteger.ONE, 20_000))).isInstanceOf(NumericValueOutOfRangeException.class);
    }

    @Test
    void encodesOtherJavaNumbers()
    {
        assertThat(utf8(PgType.NUMERIC.encodeText(42L))).isEqualTo("42");
        assertThat(utf8(PgType.NUMERIC.encodeText(0.1))).isEqualTo("0.1");
        assertThat(PgType.NUMERIC.encodeBinary(BigInteger.TEN.pow(30))).isEqualTo(ByteConverter.numeric(new BigDecimal(BigInteger.TEN.pow(30))));
    }

    private static byte[] binary(String value)
    {
        return PgType.NUMERIC.encodeBinary(new BigDecimal(value));
    }
}
