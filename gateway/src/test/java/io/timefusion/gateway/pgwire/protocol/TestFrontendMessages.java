package io.timefusion.gateway.pgwire.protocol;

import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Bind;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.PasswordMessage;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.StartupMessage;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.timefusion.gateway.pgwire.protocol.WireBytes.body;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFrontendMessages
{
    @Test
    void saslInitialResponseSplitsMechanismAndClientFirstMessage()
    {
        byte[] clientFirst = "n,,n=,r=abc".getBytes(UTF_8);

        SaslInitialResponse response = SaslInitialResponse.parse(body().cstring("SCRAM-SHA-256").int32(clientFirst.length).bytes(clientFirst).toArray());

        assertThat(response.mechanism()).isEqualTo("SCRAM-SHA-256");
        assertThat(response.initialResponse()).isEqualTo(clientFirst);
    }

    @Test
    void saslInitialResponseWithoutDataHasNullResponse()
    {
        assertThat(SaslInitialResponse.parse(body().cstring("SCRAM-SHA-256").int32(-1).toArray()).initialResponse()).isNull();
    }

    @Test
    void saslInitialResponseRejectsLengthOverrunningTheBody()
    {
        assertThatThrownBy(() -> SaslInitialResponse.parse(body().cstring("SCRAM-SHA-256").int32(10).int8('n').toArray()))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessage("insufficient data left in SASLInitialResponse message");
    }

    @Test
    void passwordAsCStringRejectsMissingTerminator()
    {
        assertThatThrownBy(() -> new PasswordMessage("secret".getBytes(UTF_8)).asCString()).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void passwordAsCStringRejectsEmbeddedNul()
    {
        assertThatThrownBy(() -> new PasswordMessage("se\0cret\0".getBytes(UTF_8)).asCString()).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void bindWithoutFormatsIsAllText()
    {
        Bind bind = bind(new short[0], 2, new short[0]);

        assertThat(bind.parameterFormat(1)).isEqualTo(FormatCodes.TEXT);
        assertThat(bind.resultFormatsFor(3)).containsExactly(0, 0, 0);
    }

    @Test
    void bindWithOneFormatAppliesItToAll()
    {
        Bind bind = bind(new short[] {1}, 2, new short[] {1});

        assertThat(bind.parameterFormat(1)).isEqualTo(FormatCodes.BINARY);
        assertThat(bind.resultFormatsFor(3)).containsExactly(1, 1, 1);
    }

    @Test
    void bindWithOneFormatPerItemUsesEach()
    {
        Bind bind = bind(new short[] {0, 1}, 2, new short[] {1, 0});

        assertThat(bind.parameterFormat(1)).isEqualTo(FormatCodes.BINARY);
        assertThat(bind.resultFormatsFor(2)).containsExactly(1, 0);
    }

    @Test
    void bindWithMismatchedFormatCountIsAViolation()
    {
        Bind bind = bind(new short[] {0, 1}, 3, new short[] {1, 0});

        assertThatThrownBy(() -> bind.parameterFormat(0)).isInstanceOf(ProtocolViolationException.class).hasMessage("bind message has 2 parameter formats but 3 parameters");
        assertThatThrownBy(() -> bind.resultFormatsFor(3)).isInstanceOf(ProtocolViolationException.class).hasMessage("bind message has 2 result formats but query has 3 columns");
    }

    @Test
    void startupParametersCannotBeChangedAfterwards()
    {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("user", "a"));
        StartupMessage startup = new StartupMessage(3, 0, parameters);
        parameters.put("database", "b");

        assertThat(startup.parameters()).containsOnlyKeys("user");
        assertThatThrownBy(() -> startup.parameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static Bind bind(short[] parameterFormats, int parameterCount, short[] resultFormats)
    {
        List<byte[]> values = Collections.nCopies(parameterCount, new byte[0]);
        return new Bind("", "", parameterFormats, values, resultFormats);
    }
}
