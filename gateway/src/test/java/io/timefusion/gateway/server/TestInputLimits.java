package io.timefusion.gateway.server;

import io.airlift.units.DataSize;
import io.timefusion.gateway.GatewayConfig;
import org.junit.jupiter.api.Test;

import static io.airlift.units.DataSize.Unit.KILOBYTE;
import static io.airlift.units.DataSize.Unit.MEGABYTE;
import static org.assertj.core.api.Assertions.assertThat;

class TestInputLimits
{
    private static final long ONE_GIGABYTE = 1L << 30;

    @Test
    void byDefaultEachLimitIsAShareOfTheHeap()
    {
        InputLimits limits = new InputLimits(new GatewayConfig(), ONE_GIGABYTE);

        assertThat(limits.messageLimits().maxStatement()).isEqualTo(2 << 20);
        assertThat(limits.messageLimits().maxBind()).isEqualTo(16 << 20);
        assertThat(limits.messageLimits().maxFrame()).isEqualTo(64 << 20);
        // 1/8 of the heap over the default 100 sessions
        assertThat(limits.sessionInput()).isEqualTo(ONE_GIGABYTE / 8 / 100);
    }

    @Test
    void aLargerHeapAcceptsLargerStatementsUpToTheFrameLimit()
    {
        assertThat(new InputLimits(new GatewayConfig(), 8 * ONE_GIGABYTE).messageLimits().maxStatement()).isEqualTo(16 << 20);
        assertThat(new InputLimits(new GatewayConfig(), 64 * ONE_GIGABYTE).messageLimits().maxBind()).isEqualTo((64 << 20) - 4);
    }

    @Test
    void aSmallHeapStillAcceptsOrdinaryStatements()
    {
        InputLimits limits = new InputLimits(new GatewayConfig(), 16L << 20);

        assertThat(limits.messageLimits().maxStatement()).isEqualTo(64 * 1024);
        assertThat(limits.sessionInput()).isEqualTo(64 * 1024);
    }

    @Test
    void configuredLimitsWin()
    {
        GatewayConfig config = new GatewayConfig()
                .setMaxStatementSize(DataSize.of(100, KILOBYTE))
                .setMaxBindSize(DataSize.of(3, MEGABYTE))
                .setMaxSessionInput(DataSize.of(512, KILOBYTE));

        InputLimits limits = new InputLimits(config, ONE_GIGABYTE);

        assertThat(limits.messageLimits().maxStatement()).isEqualTo(100 * 1024);
        assertThat(limits.messageLimits().maxBind()).isEqualTo(3 << 20);
        assertThat(limits.sessionInput()).isEqualTo(512 * 1024);
    }
}
