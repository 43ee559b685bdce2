package io.timefusion.gateway.pgwire.types;

import org.postgresql.jdbc.TimestampUtils;

import java.util.TimeZone;

/** pgjdbc's own date/time parser and formatter, set up as for a session whose TimeZone is UTC. */
final class PgjdbcTimestamps
{
    private PgjdbcTimestamps() {}

    static TimestampUtils utc()
    {
        return new TimestampUtils(false, () -> TimeZone.getTimeZone("UTC"));
    }
}
