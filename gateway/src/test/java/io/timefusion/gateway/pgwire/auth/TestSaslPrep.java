package io.timefusion.gateway.pgwire.auth;

import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class TestSaslPrep
{
    @Test
    void leavesAsciiAloneEvenWithControlCharacters()
    {
        assertThat(SaslPrep.prepare("p\u0007ss word")).isEqualTo("p\u0007ss word".getBytes(UTF_8));
    }

    @Test
    void normalizesCompatibilityCharactersWithNfkc()
    {
        assertThat(SaslPrep.prepare("ｐａｓｓ")).isEqualTo("pass".getBytes(UTF_8));
        assertThat(SaslPrep.prepare("Ⅸ")).isEqualTo("IX".getBytes(UTF_8));
    }

    @Test
    void mapsNonAsciiSpacesToSpaceAndDropsInvisibleCharacters()
    {
        assertThat(SaslPrep.prepare("pass\u00A0wo\u00ADrd")).isEqualTo("pass word".getBytes(UTF_8));
    }

    @Test
    void fallsBackToRawBytesWhenAProhibitedCharacterRemains()
    {
        assertThat(SaslPrep.prepare("ｐass\u0080")).isEqualTo("ｐass\u0080".getBytes(UTF_8));
        assertThat(SaslPrep.prepare("ｐass\uE000")).isEqualTo("ｐass\uE000".getBytes(UTF_8));
    }

    @Test
    void fallsBackToRawBytesForMixedDirectionText()
    {
        assertThat(SaslPrep.prepare("ｐ\u05D0")).isEqualTo("ｐ\u05D0".getBytes(UTF_8));
        assertThat(SaslPrep.prepare("\u05D0\u05D1")).isEqualTo("\u05D0\u05D1".getBytes(UTF_8));
    }
}
