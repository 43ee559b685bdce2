package io.timefusion.gateway.maintenance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** "Daily" survives restarts when the gateway has a state directory, and is counted from the start when it has none. */
class TestVacuumSchedule
{
    private static final Duration DAY = Duration.ofDays(1);
    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

    @TempDir
    Path stateDirectory;

    @Test
    void aGatewayWithAStateDirectoryVacuumsAtOnceTheFirstTimeAndThenADayAfterItsLastRunAcrossRestarts()
    {
        VacuumSchedule first = new VacuumSchedule(Optional.of(stateDirectory), DAY, START);
        assertThat(first.isDue(START)).isTrue();
        first.ran(START.plusSeconds(60));

        VacuumSchedule restarted = new VacuumSchedule(Optional.of(stateDirectory), DAY, START.plusSeconds(3600));

        assertThat(restarted.isDue(START.plusSeconds(3600))).isFalse();
        assertThat(restarted.nextRun()).isEqualTo(START.plusSeconds(60).plus(DAY));
        assertThat(restarted.isDue(START.plusSeconds(60).plus(DAY))).isTrue();
    }

    @Test
    void aGatewayWithoutOneVacuumsOneIntervalAfterItStarted()
    {
        VacuumSchedule schedule = new VacuumSchedule(Optional.empty(), DAY, START);

        assertThat(schedule.isDue(START.plusSeconds(60))).isFalse();
        assertThat(schedule.isDue(START.plus(DAY))).isTrue();
    }
}
