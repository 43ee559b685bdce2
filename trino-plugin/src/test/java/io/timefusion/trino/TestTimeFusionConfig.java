package io.timefusion.trino;

import io.airlift.configuration.ConfigurationFactory;
import io.airlift.units.DataSize;
import io.airlift.units.Duration;
import io.timefusion.trino.buffer.UnavailableGatewayPolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.airlift.units.DataSize.Unit.GIGABYTE;
import static io.airlift.units.DataSize.Unit.MEGABYTE;
import static java.util.concurrent.TimeUnit.DAYS;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/** Catalog properties of the write buffer (docs/ingest.md, "The write buffer") and of table maintenance: names, values as written in a catalog file, defaults. */
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

    @Test
    void readPropertiesDefaultToASecondsFreshnessAnd64MBSplits()
    {
        TimeFusionConfig config = new ConfigurationFactory(Map.of()).build(TimeFusionConfig.class);
        assertThat(config.getSnapshotFreshness()).isEqualTo(new Duration(1, SECONDS));
        assertThat(config.getSplitGroupSize()).isEqualTo(DataSize.of(64, MEGABYTE));
        assertThat(config.getMaxSplitSize()).isEqualTo(DataSize.of(64, MEGABYTE));
    }

    @Test
    void readPropertiesAreReadAsWrittenInACatalogFile()
    {
        TimeFusionConfig config = new ConfigurationFactory(Map.of("timefusion.snapshot-freshness", "0s", "timefusion.split-group-size", "256MB", "timefusion.max-split-size", "32MB")).build(TimeFusionConfig.class);
        assertThat(config.getSnapshotFreshness()).isEqualTo(new Duration(0, SECONDS));
        assertThat(config.getSplitGroupSize()).isEqualTo(DataSize.of(256, MEGABYTE));
        assertThat(config.getMaxSplitSize()).isEqualTo(DataSize.of(32, MEGABYTE));
    }

    @Test
    void maintenancePropertiesDefaultToSevenDaysOfHistoryAndOptimizeSizes()
    {
        TimeFusionConfig config = new ConfigurationFactory(Map.of()).build(TimeFusionConfig.class);
        assertThat(config.getLogRetention()).isEqualTo(new Duration(7, DAYS));
        assertThat(config.getVacuumMinRetention()).isEqualTo(new Duration(7, DAYS));
        assertThat(config.getOptimizeFileSizeThreshold()).isEqualTo(DataSize.of(100, MEGABYTE));
        assertThat(config.getOptimizeSortBufferSize()).isEqualTo(DataSize.of(256, MEGABYTE));
        assertThat(config.getOptimizeSpillPath()).isEqualTo(System.getProperty("java.io.tmpdir"));
    }

    @Test
    void maintenancePropertiesAreReadAsWrittenInACatalogFile()
    {
        TimeFusionConfig config = new ConfigurationFactory(Map.of(
                "timefusion.log-retention", "30d",
                "timefusion.vacuum.min-retention", "14d",
                "timefusion.optimize.file-size-threshold", "64MB",
                "timefusion.optimize.sort-buffer-size", "1GB",
                "timefusion.optimize.spill-path", "/var/lib/trino/spill"))
                .build(TimeFusionConfig.class);
        assertThat(config.getLogRetention()).isEqualTo(new Duration(30, DAYS));
        assertThat(config.getVacuumMinRetention()).isEqualTo(new Duration(14, DAYS));
        assertThat(config.getOptimizeFileSizeThreshold()).isEqualTo(DataSize.of(64, MEGABYTE));
        assertThat(config.getOptimizeSortBufferSize()).isEqualTo(DataSize.of(1, GIGABYTE));
        assertThat(config.getOptimizeSpillPath()).isEqualTo("/var/lib/trino/spill");
        assertThat(config.isLogRetentionAtLeastVacuumMinRetention()).isTrue();
    }

    @Test
    void aLogRetentionShorterThanTheVacuumMinimumIsInvalid()
    {
        // checkpoints would drop the tombstones of files a VACUUM with the minimum retention must still keep
        TimeFusionConfig config = new TimeFusionConfig().setLogRetention(new Duration(1, DAYS)).setVacuumMinRetention(new Duration(7, DAYS));

        assertThat(config.isLogRetentionAtLeastVacuumMinRetention()).isFalse();
    }
}
