package io.timefusion.trino.buffer;

import io.opentelemetry.api.OpenTelemetry;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.trino.spi.TrinoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry of the buffer protocol (docs/ingest.md, "The write buffer"), with two registries on one storage standing for two Trino nodes. */
class TestGatewayRegistry
{
    static final String SECRETS_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String TOKEN = "tokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String OTHER_TOKEN = "tokenBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

    @TempDir
    Path dataDirectory;
    private final List<FileSystems> fileSystems = new ArrayList<>();

    @AfterEach
    void closeFileSystems()
    {
        fileSystems.forEach(FileSystems::close);
    }

    @Test
    void aNodeAskedForAGatewayItDoesNotKnowReloadsOnce()
    {
        GatewayRegistry coordinator = node(SECRETS_KEY);
        GatewayRegistry worker = node(SECRETS_KEY);
        assertThat(worker.all()).isEmpty();

        coordinator.announce("gw-1", "http://127.0.0.1:7000", TOKEN);

        // the worker's cached list is an hour fresh, yet it finds the gateway a split names
        assertThat(worker.token("gw-1")).contains(TOKEN);
        assertThat(worker.token("gw-unknown")).isEmpty();
    }

    @Test
    void aRefusedTokenIsReplacedByTheOneStoredNow()
    {
        GatewayRegistry coordinator = node(SECRETS_KEY);
        GatewayRegistry worker = node(SECRETS_KEY);
        coordinator.announce("gw-1", "http://127.0.0.1:7000", TOKEN);
        assertThat(worker.token("gw-1")).contains(TOKEN);

        coordinator.announce("gw-1", "http://127.0.0.1:7000", OTHER_TOKEN);

        assertThat(worker.token("gw-1")).as("cached").contains(TOKEN);
        assertThat(worker.reloadedToken("gw-1")).contains(OTHER_TOKEN);
    }

    @Test
    void theNodeThatAnnouncesOrRetiresSeesItAtOnce()
    {
        GatewayRegistry coordinator = node(SECRETS_KEY);
        assertThat(coordinator.live()).isEmpty();

        coordinator.announce("gw-1", "http://127.0.0.1:7000", TOKEN);
        assertThat(coordinator.live()).extracting(Gateway::gatewayId).containsExactly("gw-1");

        coordinator.retire("gw-1");
        assertThat(coordinator.live()).isEmpty();
        assertThat(coordinator.all()).extracting(Gateway::retired).containsExactly(true);

        coordinator.announce("gw-1", "http://127.0.0.1:7000", TOKEN);
        assertThat(coordinator.live()).extracting(Gateway::gatewayId).containsExactly("gw-1");
    }

    @Test
    void theTokenIsStoredEncrypted()
            throws IOException
    {
        node(SECRETS_KEY).announce("gw-1", "http://127.0.0.1:7000", TOKEN);

        String record = Files.readString(dataDirectory.resolve("timefusion/_gateways/gw-1.json"));
        assertThat(record).contains("\"gatewayId\":\"gw-1\"", "\"url\":\"http://127.0.0.1:7000\"", "\"encryptedToken\":\"", "\"heartbeatMillis\":", "\"retired\":false")
                .doesNotContain(TOKEN);
    }

    @Test
    void withoutASecretsKeyNoGatewayIsStored()
    {
        assertThatThrownBy(() -> node(null).announce("gw-1", "http://127.0.0.1:7000", TOKEN))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("TIMEFUSION_SECRETS_KEY is not set")
                .hasMessageContaining("gateway gw-1")
                .hasMessageNotContaining(TOKEN);
        assertThat(dataDirectory.resolve("timefusion/_gateways")).doesNotExist();
    }

    @Test
    void retiringAGatewayNeverAnnouncedFails()
    {
        assertThatThrownBy(() -> node(SECRETS_KEY).retire("gw-never"))
                .hasMessage("Gateway gw-never was never announced");
    }

    private GatewayRegistry node(String secretsKey)
    {
        TimeFusionConfig config = new TimeFusionConfig()
                .setDataDirectory(dataDirectory.toString())
                .setSecretsKey(secretsKey)
                .setProjectsRefreshInterval(new io.airlift.units.Duration(1, java.util.concurrent.TimeUnit.HOURS));
        FileSystems nodeFileSystems = new FileSystems(OpenTelemetry.noop());
        fileSystems.add(nodeFileSystems);
        return new GatewayRegistry(nodeFileSystems, new DefaultTableStorage(config), config);
    }
}
