package io.timefusion.server;

import io.trino.server.Server;

/**
 * The main class of the embedded Trino server that {@code ./timefusion} starts. Trino's own
 * {@code io.trino.server.TrinoServer} lives in {@code trino-server-main}, which is not published on Maven Central;
 * its body is this one call. Configuration comes from {@code -Dconfig=etc/config.properties}
 * and the catalog directory named there.
 */
public final class TimeFusionTrinoServer
{
    public static final String TRINO_VERSION = "476";

    private TimeFusionTrinoServer() {}

    public static void main(String[] args)
    {
        new Server().start(TRINO_VERSION);
    }
}
