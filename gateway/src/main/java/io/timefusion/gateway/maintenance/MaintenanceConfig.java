package io.timefusion.gateway.maintenance;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.units.Duration;
import io.airlift.units.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** Automatic table maintenance: whether the gateway runs it, how often, and from how many small files a partition is due. */
public class MaintenanceConfig
{
    private boolean enabled = true;
    private Duration interval = new Duration(1, TimeUnit.MINUTES);
    private int minFiles = 10;
    private Duration vacuumInterval = new Duration(1, TimeUnit.DAYS);
    private Duration vacuumRetention = new Duration(7, TimeUnit.DAYS);

    public boolean isEnabled()
    {
        return enabled;
    }

    @Config("maintenance.enabled")
    @ConfigDescription("Run table maintenance (OPTIMIZE of partitions with many small files, daily VACUUM and log cleanup) from this gateway (MAINTENANCE_ENABLED)")
    public MaintenanceConfig setEnabled(boolean enabled)
    {
        this.enabled = enabled;
        return this;
    }

    @NotNull
    @MinDuration("100ms")
    public Duration getInterval()
    {
        return interval;
    }

    @Config("maintenance.interval")
    @ConfigDescription("Pause between two looks for partitions to optimize (MAINTENANCE_INTERVAL)")
    public MaintenanceConfig setInterval(Duration interval)
    {
        this.interval = interval;
        return this;
    }

    @Min(2)
    public int getMinFiles()
    {
        return minFiles;
    }

    @Config("maintenance.min-files")
    @ConfigDescription("A partition is optimized once OPTIMIZE would rewrite at least this many of its files (MAINTENANCE_MIN_FILES)")
    public MaintenanceConfig setMinFiles(int minFiles)
    {
        this.minFiles = minFiles;
        return this;
    }

    @NotNull
    @MinDuration("1m")
    public Duration getVacuumInterval()
    {
        return vacuumInterval;
    }

    @Config("maintenance.vacuum-interval")
    @ConfigDescription("How often VACUUM and log cleanup run (MAINTENANCE_VACUUM_INTERVAL)")
    public MaintenanceConfig setVacuumInterval(Duration vacuumInterval)
    {
        this.vacuumInterval = vacuumInterval;
        return this;
    }

    @NotNull
    public Duration getVacuumRetention()
    {
        return vacuumRetention;
    }

    @Config("maintenance.vacuum-retention")
    @ConfigDescription("The retention the automatic VACUUM passes; at least the catalog's timefusion.vacuum.min-retention (MAINTENANCE_VACUUM_RETENTION)")
    public MaintenanceConfig setVacuumRetention(Duration vacuumRetention)
    {
        this.vacuumRetention = vacuumRetention;
        return this;
    }
}
