package io.timefusion.trino.buffer;

import io.airlift.units.Duration;
import io.opentelemetry.api.OpenTelemetry;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaSnapshot;
import io.timefusion.trino.projects.ProjectTables;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract §4: one buffer split per live gateway, its watermarks read from the snapshots the query's file splits come from. */
class TestBufferSplits
{
    @TempDir
    Path dataDirectory;
    private FileSystems fileSystems;
    private GatewayRegistry registry;

    @BeforeEach
    void createRegistry()
    {
        TimeFusionConfig config = new TimeFusionConfig()
                .setDataDirectory(dataDirectory.toString())
                .setSecretsKey(TestGatewayRegistry.SECRETS_KEY)
                .setGatewayExpiry(new Duration(1, TimeUnit.HOURS));
        fileSystems = new FileSystems(OpenTelemetry.noop());
        registry = new GatewayRegistry(fileSystems, new DefaultTableStorage(config), config);
    }

    @AfterEach
    void closeFileSystems()
    {
        fileSystems.close();
    }

    @Test
    void eachTableReadGivesItsOwnWatermarkAndATableWithoutTheGatewaysTxnGivesMinusOne()
    {
        registry.announce("gw-1", "http://127.0.0.1:7001", TestGatewayRegistry.TOKEN);
        registry.announce("gw-2", "http://127.0.0.1:7002", TestGatewayRegistry.TOKEN);
        Map<String, DeltaSnapshot> snapshots = new LinkedHashMap<>();
        snapshots.put(ProjectTables.DEFAULT_TABLE, snapshot(Map.of("gw-1", 12L, "gw-2", 3L)));
        snapshots.put("p1", snapshot(Map.of("gw-1", 7L)));

        assertThat(new BufferSplits(registry).forLiveGateways(snapshots)).containsExactly(
                new BufferSplit("gw-1", "http://127.0.0.1:7001", 12L, Map.of("p1", 7L)),
                new BufferSplit("gw-2", "http://127.0.0.1:7002", 3L, Map.of("p1", -1L)));
    }

    @Test
    void aQueryThatDoesNotReadTheDefaultTableHasNoDefaultWatermark()
    {
        registry.announce("gw-1", "http://127.0.0.1:7001", TestGatewayRegistry.TOKEN);

        assertThat(new BufferSplits(registry).forLiveGateways(Map.of("p1", snapshot(Map.of("gw-1", 7L)))))
                .containsExactly(new BufferSplit("gw-1", "http://127.0.0.1:7001", null, Map.of("p1", 7L)));
    }

    @Test
    void retiredGatewaysGetNoSplit()
    {
        registry.announce("gw-1", "http://127.0.0.1:7001", TestGatewayRegistry.TOKEN);
        registry.retire("gw-1");

        assertThat(new BufferSplits(registry).forLiveGateways(Map.of(ProjectTables.DEFAULT_TABLE, snapshot(Map.of())))).isEmpty();
    }

    private static DeltaSnapshot snapshot(Map<String, Long> transactions)
    {
        return new DeltaSnapshot(5, Optional.empty(), Optional.empty(), Map.of(), Map.of(), transactions);
    }
}
