package io.timefusion.gateway.cache;

import io.timefusion.gateway.sql.StatementKind;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** The cached results a statement run on Trino can make stale. */
public sealed interface Invalidation
{
    /** Reads change nothing. */
    record None()
            implements Invalidation {}

    /** A write to one table: the results whose statements mention it. */
    record ReadersOf(String table)
            implements Invalidation
    {
        public ReadersOf
        {
            requireNonNull(table, "table is null");
        }
    }

    /** Anything else that reaches Trino (DDL, CALL, EXECUTE, EXPLAIN ANALYZE, a write whose table is not clear): everything. */
    record All()
            implements Invalidation {}

    static Invalidation of(String trinoSql)
    {
        if (StatementKind.firstKeyword(trinoSql).equals("EXPLAIN")) {
            // EXPLAIN ANALYZE runs the statement it explains, which may be a write
            return Pattern.compile("(?i)\\bANALYZE\\b").matcher(trinoSql).find() ? new All() : new None();
        }
        return switch (StatementKind.of(trinoSql)) {
            case QUERY -> new None();
            case INSERT, UPDATE, DELETE, MERGE -> TableNames.written(trinoSql).<Invalidation>map(ReadersOf::new).orElseGet(All::new);
            default -> new All();
        };
    }
}
