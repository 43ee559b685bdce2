package io.timefusion.gateway.cache;

import io.timefusion.gateway.sql.TranslatedStatement.Writes;

import static java.util.Objects.requireNonNull;

/** The cached results a statement run on Trino can make stale. */
public sealed interface Invalidation
{
    /** Reads change nothing. */
    record None()
            implements Invalidation {}

    /** A write to one table: the results whose statements read it. */
    record ReadersOf(String table)
            implements Invalidation
    {
        public ReadersOf
        {
            requireNonNull(table, "table is null");
        }
    }

    /** Anything else that reaches Trino (DDL, CALL, EXECUTE, EXPLAIN ANALYZE): everything. */
    record All()
            implements Invalidation {}

    static Invalidation of(Writes writes)
    {
        return switch (writes) {
            case Writes.Nothing _ -> new None();
            case Writes.Table(String table) -> new ReadersOf(table);
            case Writes.Unknown _ -> new All();
        };
    }
}
