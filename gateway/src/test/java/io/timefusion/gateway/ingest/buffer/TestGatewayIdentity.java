package io.timefusion.gateway.ingest.buffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class TestGatewayIdentity
{
    @TempDir
    Path directory;

    @Test
    void theIdAndTokenSurviveRestarts()
    {
        GatewayIdentity first = GatewayIdentity.load(directory);
        GatewayIdentity second = GatewayIdentity.load(directory);

        assertThat(second.id()).isEqualTo(first.id()).startsWith("timefusion-gateway-");
        assertThat(second.token()).isEqualTo(first.token()).hasSize(43);
    }

    @Test
    void theTokenFileIsReadableByItsOwnerOnly()
            throws IOException
    {
        GatewayIdentity.load(directory);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("gateway-token")))).isEqualTo("rw-------");
    }

    @Test
    void onlyTheExactTokenIsAccepted()
    {
        GatewayIdentity identity = GatewayIdentity.load(directory);

        assertThat(identity.acceptsToken(identity.token())).isTrue();
        assertThat(identity.acceptsToken(identity.token() + "x")).isFalse();
        assertThat(identity.acceptsToken("")).isFalse();
        assertThat(identity.acceptsToken(null)).isFalse();
        assertThat(identity.toString()).doesNotContain(identity.token());
    }
}
