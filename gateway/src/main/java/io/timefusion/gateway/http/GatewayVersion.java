package io.timefusion.gateway.http;

import java.util.Optional;

public final class GatewayVersion
{
    /** The version in the jar manifest; "development" when run from classes. */
    public static final String VERSION = Optional.ofNullable(GatewayVersion.class.getPackage().getImplementationVersion()).orElse("development");

    private GatewayVersion() {}
}
