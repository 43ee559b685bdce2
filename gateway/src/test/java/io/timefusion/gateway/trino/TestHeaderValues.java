package io.timefusion.gateway.trino;

import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TestHeaderValues
{
    @Test
    void printableAsciiPassesUnchanged()
    {
        assertThat(HeaderValues.encode("PostgreSQL JDBC Driver")).isEqualTo("PostgreSQL JDBC Driver");
    }

    @Test
    void everythingElseIsPercentEncodedAndRecoverable()
    {
        String original = "dashboard – café\t\r\n%ü😀";
        String encoded = HeaderValues.encode(original);
        assertThat(encoded).isEqualTo("dashboard %E2%80%93 caf%C3%A9%09%0D%0A%25%C3%BC%F0%9F%98%80");
        assertThat(encoded.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
        assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(original);
    }

    @Test
    void aLongValueIsCutWithoutSplittingAnEscape()
    {
        assertThat(HeaderValues.encode("a".repeat(10_000))).hasSize(HeaderValues.MAX_LENGTH);
        String encoded = HeaderValues.encode("é".repeat(1_000));
        assertThat(encoded.length()).isLessThanOrEqualTo(HeaderValues.MAX_LENGTH);
        assertThat(encoded).matches("(%C3%A9)+");
    }
}
