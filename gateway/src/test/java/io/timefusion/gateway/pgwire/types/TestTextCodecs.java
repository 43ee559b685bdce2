package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;

import static io.timefusion.gateway.pgwire.types.Values.hex;
import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTextCodecs
{
    @Test
    void textIsUtf8InBothFormats()
    {
        String value = "grüße 🌍";

        assertThat(PgType.TEXT.encodeText(value)).isEqualTo(utf8(value));
        assertThat(PgType.VARCHAR.encodeBinary(value)).isEqualTo(utf8(value));
        assertThat(PgType.BPCHAR.decodeText(utf8(value))).isEqualTo(value);
        assertThat(PgType.NAME.decodeBinary(utf8(value))).isEqualTo(value);
    }

    @Test
    void rejectsMalformedUtf8LikePostgres()
    {
        assertThatThrownBy(() -> PgType.TEXT.decodeText(hex("61c328")))
                .isInstanceOf(CharacterNotInRepertoireException.class)
                .hasMessage("invalid byte sequence for encoding \"UTF8\": 0xc3")
                .extracting(e -> ((PgDataException) e).sqlState()).isEqualTo("22021");
    }

    @Test
    void rejectsNulCharacter()
    {
        assertThatThrownBy(() -> PgType.TEXT.decodeText(hex("610062")))
                .isInstanceOf(CharacterNotInRepertoireException.class)
                .hasMessage("invalid byte sequence for encoding \"UTF8\": 0x00");
    }

    @Test
    void jsonIsTextInBothFormats()
    {
        assertThat(PgType.JSON.encodeBinary("{\"a\":1}")).isEqualTo(utf8("{\"a\":1}"));
    }

    @Test
    void jsonbBinaryStartsWithVersionOne()
    {
        assertThat(PgType.JSONB.encodeBinary("{}")).isEqualTo(hex("017b7d"));
        assertThat(PgType.JSONB.decodeBinary(hex("017b7d"))).isEqualTo("{}");
        assertThat(PgType.JSONB.encodeText("{}")).isEqualTo(utf8("{}"));
    }

    @Test
    void jsonbBinaryRejectsOtherVersions()
    {
        assertThatThrownBy(() -> PgType.JSONB.decodeBinary(hex("027b7d")))
                .isInstanceOf(InvalidBinaryRepresentationException.class)
                .hasMessage("unsupported jsonb version number 2");
        assertThatThrownBy(() -> PgType.JSONB.decodeBinary(new byte[0])).isInstanceOf(InvalidBinaryRepresentationException.class);
    }
}
