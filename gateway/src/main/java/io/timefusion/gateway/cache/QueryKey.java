package io.timefusion.gateway.cache;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a cached result is looked up by: the statement exactly as sent to Trino (bound parameters are already
 * written into it as literals) and the session settings that can change its result. The user is part of it
 * because Trino's access control may show users different rows; the time zone and search path because they
 * change how a statement is read.
 */
public record QueryKey(String sql, String user, Optional<String> timeZone, Optional<String> searchPath)
{
    public QueryKey
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(user, "user is null");
        requireNonNull(timeZone, "timeZone is null");
        requireNonNull(searchPath, "searchPath is null");
    }
}
