package io.timefusion.trino;

import io.airlift.configuration.ConfigurationFactory;
import io.airlift.units.Duration;
import io.timefusion.trino.buffer.UnavailableGatewayPolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog properties of the write buffer (contract §3): their names, values as written in a catalog file, defaults. */
class TestTimeFusionConfig
{
    @Test
    void bufferPropertiesDefaultToContractValues()
    {
        TimeFusionConfig config = new ConfigurationFactory(Map.of()).build(TimeFusionConfig.class);
        assertThat(config.getGatewayExpiry()).isEqualTo(new Duration(30, SECONDS));
        assertThat(config.getUnavailableGateway()).isEqualTo(UnavailableGatewayPolicy.FAIL);
        assertThat(config.getBufferFetchTimeout()).isEqualTo(new Duration(10, SECONDS));
    }

    @Test
    void bufferPropertiesAreReadAsWrittenInACatalogFile()
    {
        TimeFusionConfig config = new ConfigurationFactory(Map.of(
                "timefusion.buffer.gateway-expiry", "45s",
                "timefusion.buffer.unavailable-gateway", "skip",
                "timefusion.buffer.fetch-timeout", "2500ms"))
                .build(TimeFusionConfig.class);
        assertThat(config.getGatewayExpiry()).isEqualTo(new Duration(45, SECONDS));
        assertThat(config.getUnavailableGateway()).isEqualTo(UnavailableGatewayPolicy.SKIP);
        assertThat(config.getBufferFetchTimeout()).isEqualTo(new Duration(2500, MILLISECONDS));
    }
}
