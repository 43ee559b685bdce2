package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static io.timefusion.gateway.pgwire.types.Values.hex;
import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestArrayCodec
{
    private static final List<String> AWKWARD_STRINGS = Arrays.asList(
            "a", null, "", "NULL", "null", "b c", "x,y", "q\"t", "back\\slash", "{}", "ü 🌍", " lead", "tab\t");

    @Test
    void textQuotesAndEscapesAsArrayOutDoes()
    {
        assertThat(utf8(PgType.TEXT_ARRAY.encodeText(AWKWARD_STRINGS)))
                .isEqualTo("{a,NULL,\"\",\"NULL\",\"null\",\"b c\",\"x,y\",\"q\\\"t\",\"back\\\\slash\",\"{}\",\"ü 🌍\",\" lead\",\"tab\t\"}");
    }

    @Test
    void textRoundTripsAwkwardStrings()
    {
        assertThat(PgType.TEXT_ARRAY.decodeText(PgType.TEXT_ARRAY.encodeText(AWKWARD_STRINGS))).isEqualTo(AWKWARD_STRINGS);
    }

    @Test
    void binaryRoundTripsAwkwardStrings()
    {
        assertThat(PgType.VARCHAR_ARRAY.decodeBinary(PgType.VARCHAR_ARRAY.encodeBinary(AWKWARD_STRINGS))).isEqualTo(AWKWARD_STRINGS);
    }

    @Test
    void textOfNumbersAndNulls()
    {
        assertThat(utf8(PgType.INT4_ARRAY.encodeText(Arrays.asList(1, null, -3)))).isEqualTo("{1,NULL,-3}");
        assertThat(utf8(PgType.INT4_ARRAY.encodeText(List.of()))).isEqualTo("{}");
        assertThat(utf8(PgType.FLOAT8_ARRAY.encodeText(List.of(1.5, Double.NaN, Double.NEGATIVE_INFINITY)))).isEqualTo("{1.5,NaN,-Infinity}");
    }

    @Test
    void elementsWithBackslashesLikeByteaAreQuoted()
    {
        assertThat(utf8(PgType.BYTEA_ARRAY.encodeText(List.of(new byte[] {1, 2})))).isEqualTo("{\"\\\\x0102\"}");
        assertThat(PgType.BYTEA_ARRAY.decodeText(utf8("{\"\\\\x0102\"}")).getFirst()).containsExactly(1, 2);
    }

    @Test
    void elementsWithSpacesLikeTimestampsAreQuoted()
    {
        assertThat(utf8(PgType.DATE_ARRAY.encodeText(List.of(LocalDate.of(-43, 3, 15))))).isEqualTo("{\"0044-03-15 BC\"}");
    }

    @Test
    void textInputToleratesWhitespaceAndEscapes()
    {
        assertThat(PgType.TEXT_ARRAY.decodeText(utf8(" { a , \"b\" ,NULL, \"NULL\" , c\\,d , e f } ")))
                .containsExactly("a", "b", null, "NULL", "c,d", "e f");
    }

    @Test
    void textInputAcceptsBoundsDecoration()
    {
        assertThat(PgType.INT4_ARRAY.decodeText(utf8("[0:1]={1,2}"))).containsExactly(1, 2);
    }

    @Test
    void textInputDecodesElementsWithTheElementCodec()
    {
        assertThat(PgType.NUMERIC_ARRAY.decodeText(utf8("{1.50,NaN}"))).containsExactly(new BigDecimal("1.50"), Double.NaN);
        assertThatThrownBy(() -> PgType.INT4_ARRAY.decodeText(utf8("{1,x}")))
                .isInstanceOf(InvalidTextRepresentationException.class)
                .hasMessage("invalid input syntax for type integer: \"x\"");
    }

    @Test
    void textInputRejectsMalformedLiterals()
    {
        for (String text : new String[] {"{1,2", "{1,,2}", "1,2", "{1}x", "{\"a}", "[1:3]={1,2}", "{a\"b}", "{,}"}) {
            assertThatThrownBy(() -> PgType.TEXT_ARRAY.decodeText(utf8(text)))
                    .as(text)
                    .isInstanceOf(InvalidTextRepresentationException.class)
                    .hasMessageStartingWith("malformed array literal: \"%s\"", text);
        }
    }

    @Test
    void multidimensionalArraysAreNotSupported()
    {
        assertThatThrownBy(() -> PgType.INT4_ARRAY.decodeText(utf8("{{1,2},{3,4}}")))
                .isInstanceOf(InvalidTextRepresentationException.class)
                .hasMessageContaining("multidimensional arrays are not supported");
        assertThatThrownBy(() -> PgType.INT4_ARRAY.decodeBinary(hex("00000002 00000000 00000017 00000001 00000001 00000001 00000001 00000004 00000001")))
                .isInstanceOf(InvalidBinaryRepresentationException.class)
                .hasMessageContaining("multidimensional arrays are not supported");
    }

    @Test
    void binaryLayoutHasDimensionsNullFlagElementTypeAndBounds()
    {
        byte[] expected = hex("00000001 00000001 00000017 00000002 00000001 00000004 00000001 ffffffff");

        assertThat(PgType.INT4_ARRAY.encodeBinary(Arrays.asList(1, null))).isEqualTo(expected);
        assertThat(PgType.INT4_ARRAY.decodeBinary(expected)).containsExactly(1, null);
    }

    @Test
    void emptyArrayHasNoDimensions()
    {
        assertThat(PgType.INT8_ARRAY.encodeBinary(List.of())).isEqualTo(hex("00000000 00000000 00000014"));
        assertThat(PgType.INT8_ARRAY.decodeBinary(hex("00000000 00000000 00000014"))).isEmpty();
        assertThat(PgType.INT8_ARRAY.decodeText(utf8("{}"))).isEmpty();
    }

    @Test
    void binaryRejectsAnotherElementType()
    {
        assertThatThrownBy(() -> PgType.INT4_ARRAY.decodeBinary(hex("00000000 00000000 00000014")))
                .isInstanceOf(InvalidBinaryRepresentationException.class)
                .hasMessageContaining("element type 20 instead of expected 23 (int4)");
    }

    @Test
    void binaryRejectsTruncatedAndTrailingData()
    {
        assertThatThrownBy(() -> PgType.INT4_ARRAY.decodeBinary(hex("00000001 00000000 00000017 00000002 00000001 00000004 00000001")))
                .isInstanceOf(InvalidBinaryRepresentationException.class);
        assertThatThrownBy(() -> PgType.INT4_ARRAY.decodeBinary(hex("00000000 00000000 00000017 00")))
                .isInstanceOf(InvalidBinaryRepresentationException.class);
        assertThatThrownBy(() -> PgType.INT4_ARRAY.decodeBinary(hex("00000001 00000002 00000017 00000000 00000001")))
                .isInstanceOf(InvalidBinaryRepresentationException.class)
                .hasMessageContaining("invalid array flags");
    }

    @Test
    void decodedListsCannotBeChanged()
    {
        assertThatThrownBy(() -> PgType.INT4_ARRAY.decodeText(utf8("{1}")).add(2)).isInstanceOf(UnsupportedOperationException.class);
    }
}
