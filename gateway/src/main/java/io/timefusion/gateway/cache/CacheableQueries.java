package io.timefusion.gateway.cache;

import io.timefusion.gateway.sql.StatementKind;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which statements may be answered from the cache: plain reads (SELECT, WITH, VALUES, TABLE) whose result depends
 * only on the data they read. A statement is not cached when its text mentions a volatile function (now(),
 * current_timestamp, current_time, current_date, current_timezone(), localtime, localtimestamp, random(), rand(),
 * uuid(), shuffle()), TABLESAMPLE, or Trino's live system tables (system.runtime.*). SHOW, DESCRIBE and EXPLAIN are
 * not cached: they describe the catalog or, with ANALYZE, run the statement.
 * <p>
 * The test is textual and errs on the side of not caching: a string literal or alias that merely spells one of
 * these words also makes the statement uncacheable, which only costs a trip to Trino.
 */
public final class CacheableQueries
{
    private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE");

    // uuid is also a type name (CAST(x AS uuid)), so only its call counts
    private static final Pattern VOLATILE = Pattern.compile(
            "(?i)\\b(?:now|current_timestamp|current_time|current_date|current_timezone|localtime|localtimestamp|random|rand|shuffle|tablesample)\\b"
                    + "|\\buuid\\s*\\("
                    + "|\\bsystem\\s*\\.\\s*runtime\\b");

    private CacheableQueries() {}

    public static boolean isCacheable(String trinoSql)
    {
        if (!READ_KEYWORDS.contains(StatementKind.firstKeyword(trinoSql))) {
            return false;
        }
        // quoted identifiers name the same functions and tables: "now"(), "system"."runtime"
        return !VOLATILE.matcher(trinoSql.replace("\"", "")).find();
    }
}
