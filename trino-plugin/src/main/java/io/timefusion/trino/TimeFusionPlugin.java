package io.timefusion.trino;

import com.google.common.collect.ImmutableSet;
import io.timefusion.trino.functions.PostgresDivide;
import io.timefusion.trino.functions.PostgresSumArgument;
import io.timefusion.trino.functions.TimeBucketFunctions;
import io.timefusion.trino.functions.TimeBucketWithTimeZoneFunctions;
import io.trino.spi.Plugin;
import io.trino.spi.connector.ConnectorFactory;

import java.util.List;
import java.util.Set;

public class TimeFusionPlugin
        implements Plugin
{
    @Override
    public Iterable<ConnectorFactory> getConnectorFactories()
    {
        return List.of(new TimeFusionConnectorFactory());
    }

    /**
     * Timescale's functions that Trino lacks, so that Trino CLI users write the same SQL as Postgres clients of the
     * gateway, and the typing helper the gateway's translation of Postgres' sum relies on.
     */
    @Override
    public Set<Class<?>> getFunctions()
    {
        return ImmutableSet.<Class<?>>builder()
                .addAll(TimeBucketWithTimeZoneFunctions.FUNCTIONS)
                .addAll(TimeBucketFunctions.FUNCTIONS)
                .addAll(PostgresSumArgument.FUNCTIONS)
                .addAll(PostgresDivide.FUNCTIONS)
                .build();
    }
}
