package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.Identifiers;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Table;

import java.util.HashSet;
import java.util.Set;

/**
 * What one statement reads, noted as it is printed, for the result cache: every table it names (the printer prints
 * every part of the statement, so none is missed), and whether it is deterministic. Functions are noted as the client
 * wrote them, before the rules translate them.
 */
final class PrintedReads
{
    // Postgres' and Trino's functions whose result changes from one call to the next
    private static final Set<String> VOLATILE_FUNCTIONS = Set.of("now", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "timeofday",
            "current_timestamp", "current_time", "current_date", "localtime", "localtimestamp", "current_timezone", "random", "random_normal", "rand", "setseed",
            "uuid", "gen_random_uuid", "uuid_generate_v4", "shuffle", "nextval", "currval", "lastval", "pg_sleep", "txid_current", "pg_current_xact_id");
    private static final Set<String> TIME_KEYWORDS = Set.of("current_timestamp", "current_time", "current_date", "localtime", "localtimestamp");

    private final Set<String> tables = new HashSet<>();
    private boolean deterministic = true;

    /** A table read; TABLESAMPLE picks other rows each time, and system.runtime lists what runs now. */
    void table(Table table)
    {
        tables.add(Identifiers.normalize(table.getName()));
        if (table.getSampleClause() != null || table.getSchemaName() != null && Identifiers.normalize(table.getSchemaName()).equals("runtime")) {
            deterministic = false;
        }
    }

    void function(Function function)
    {
        if (VOLATILE_FUNCTIONS.contains(Identifiers.normalize(function.getMultipartName().getLast()))) {
            deterministic = false;
        }
    }

    /** CURRENT_TIMESTAMP and its kin, whether JSqlParser read them as time keywords or (without parentheses) as column names. */
    void word(String word)
    {
        int precision = word.indexOf('(');
        if (TIME_KEYWORDS.contains(Identifiers.normalize(precision < 0 ? word : word.substring(0, precision).strip()))) {
            deterministic = false;
        }
    }

    Set<String> tables()
    {
        return Set.copyOf(tables);
    }

    boolean deterministic()
    {
        return deterministic;
    }
}
