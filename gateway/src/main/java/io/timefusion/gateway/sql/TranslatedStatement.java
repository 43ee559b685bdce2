package io.timefusion.gateway.sql;

import io.timefusion.gateway.ingest.IngestInsert;
import io.timefusion.gateway.trino.TrinoType;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One client statement as the translator understood it from its parse tree: everything after translation (the
 * result cache, parameter typing, ingest routing, Describe, the command tag) reads this instead of the text.
 *
 * @param sql the client's text
 * @param trino the Trino statement; empty text when the statement does not go to Trino (the gateway's own statements, the rows of an
 * ingest INSERT, nothing at all)
 * @param tablesRead lower-case names (without catalog and schema) of every table the statement reads; empty when not known
 * @param deterministic whether the same statement over the same data gives the same rows (no now(), random(), TABLESAMPLE, live system tables)
 * @param parameterCasts the type each {@code $n} is cast to in the Trino statement ({@code $1::text[]}); Postgres types such a parameter by its cast
 * @param insertTargets for {@code INSERT … (columns) VALUES}, the column each bare {@code $n} fills
 * @param ingest the rows' shape of an INSERT the gateway writes itself, without Trino SQL
 */
public record TranslatedStatement(
        StatementKind kind,
        String sql,
        ParameterizedSql trino,
        Optional<Set<String>> tablesRead,
        Writes writes,
        boolean deterministic,
        Map<Integer, TrinoType> parameterCasts,
        Optional<InsertTargets> insertTargets,
        Optional<IngestInsert> ingest)
{
    /** What a statement may change, which is what the result cache must forget when it ran. */
    public sealed interface Writes
    {
        record Nothing()
                implements Writes {}

        /** Rows of one table (INSERT, UPDATE, DELETE, MERGE), by its lower-case name without catalog and schema. */
        record Table(String name)
                implements Writes
        {
            public Table
            {
                requireNonNull(name, "name is null");
            }
        }

        /** Anything: DDL, CALL, EXPLAIN ANALYZE, statements the translator passes to Trino unread. */
        record Unknown()
                implements Writes {}
    }

    public TranslatedStatement
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(trino, "trino is null");
        tablesRead = tablesRead.map(Set::copyOf);
        requireNonNull(writes, "writes is null");
        parameterCasts = Map.copyOf(parameterCasts);
        requireNonNull(insertTargets, "insertTargets is null");
        requireNonNull(ingest, "ingest is null");
    }

    /** Text with nothing but comments and semicolons: Postgres answers it with EmptyQueryResponse. */
    public static TranslatedStatement empty(String sql)
    {
        return new TranslatedStatement(StatementKind.EMPTY, sql, ParameterizedSql.of(""), Optional.of(Set.of()), new Writes.Nothing(), true, Map.of(), Optional.empty(),
                Optional.empty());
    }

    /** A statement the gateway carries out itself (transaction control, SET, COPY, CALL): it never reaches Trino. */
    public static TranslatedStatement ownStatement(StatementKind kind, String sql)
    {
        return new TranslatedStatement(kind, sql, ParameterizedSql.of(""), Optional.empty(), new Writes.Nothing(), false, Map.of(), Optional.empty(), Optional.empty());
    }

    /** An INSERT whose rows the gateway writes itself. */
    public static TranslatedStatement ingest(String sql, IngestInsert insert)
    {
        return new TranslatedStatement(StatementKind.INSERT, sql, ParameterizedSql.of(""), Optional.of(Set.of()), new Writes.Table(insert.table()), false, Map.of(),
                Optional.empty(), Optional.of(insert));
    }

    /** A statement Trino reads as written (DDL, Trino's SHOW, DESCRIBE, EXPLAIN): nothing known of what it reads or writes. */
    public static TranslatedStatement passedThrough(StatementKind kind, String sql, Writes writes)
    {
        return new TranslatedStatement(kind, sql, ParameterizedSql.of(sql), Optional.empty(), writes, false, Map.of(), Optional.empty(), Optional.empty());
    }

    /** A query the gateway answers with a Trino query of constants (SHOW of a setting). */
    public static TranslatedStatement constantQuery(String sql, String trinoSql)
    {
        return new TranslatedStatement(StatementKind.QUERY, sql, ParameterizedSql.of(trinoSql), Optional.of(Set.of()), new Writes.Nothing(), true, Map.of(),
                Optional.empty(), Optional.empty());
    }

    /** The Trino text with its placeholders still in it. */
    public String trinoSql()
    {
        return trino.sql();
    }

    /** How many values a Bind must supply. */
    public int parameterCount()
    {
        return ingest.map(IngestInsert::parameterCount).orElseGet(trino::parameterCount);
    }

    /** A read whose rows depend only on the tables it names: its result may be answered from the cache. */
    public boolean cacheable()
    {
        return kind == StatementKind.QUERY && deterministic && tablesRead.isPresent() && writes instanceof Writes.Nothing;
    }
}
