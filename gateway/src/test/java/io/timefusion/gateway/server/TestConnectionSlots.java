package io.timefusion.gateway.server;

import io.timefusion.gateway.GatewayConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestConnectionSlots
{
    private final ConnectionLimiter limiter = new ConnectionLimiter(new GatewayConfig().setMaxConnections(2));

    @Test
    void aLoginInProgressHoldsNoSessionPlace()
    {
        ConnectionSlots stalled = new ConnectionSlots(limiter);
        assertThat(stalled.tryStartLogin()).isTrue();

        assertThat(limiter.open()).isZero();
        assertThat(limiter.loginsInProgress()).isEqualTo(1);
    }

    @Test
    void authenticationTradesTheLoginPlaceForASessionPlace()
    {
        ConnectionSlots slots = new ConnectionSlots(limiter);
        slots.tryStartLogin();

        assertThat(slots.tryStartSession()).isTrue();

        assertThat(limiter.open()).isEqualTo(1);
        assertThat(limiter.loginsInProgress()).isZero();
        slots.release();
        slots.release();
        assertThat(limiter.open()).isZero();
    }

    @Test
    void loginsAreBoundedAtTwiceTheSessions()
    {
        for (int i = 0; i < 4; i++) {
            assertThat(new ConnectionSlots(limiter).tryStartLogin()).isTrue();
        }
        assertThat(new ConnectionSlots(limiter).tryStartLogin()).isFalse();
        assertThat(limiter.rejected()).isEqualTo(1);
    }

    @Test
    void aSessionPlaceIsNotTakenForAConnectionAlreadyClosed()
    {
        ConnectionSlots slots = new ConnectionSlots(limiter);
        slots.tryStartLogin();
        slots.release();

        assertThat(slots.tryStartSession()).isFalse();
        assertThat(limiter.open()).isZero();
        assertThat(limiter.loginsInProgress()).isZero();
    }
}
