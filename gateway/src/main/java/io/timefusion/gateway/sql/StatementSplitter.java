package io.timefusion.gateway.sql;

import com.google.common.collect.ImmutableList;

import java.util.List;

/** Splits a simple-query message into its statements at semicolons outside literals and comments. */
public final class StatementSplitter
{
    private StatementSplitter() {}

    /** The non-empty statements, trimmed, without their semicolons; empty for a message of only whitespace and semicolons. */
    public static List<String> split(String sql)
    {
        ImmutableList.Builder<String> statements = ImmutableList.builder();
        SqlScanner scanner = new SqlScanner(sql);
        int start = 0;
        while (!scanner.atEnd()) {
            if (scanner.skipQuotedOrComment()) {
                continue;
            }
            if (scanner.current() == ';') {
                addIfNotBlank(statements, sql.substring(start, scanner.position()));
                start = scanner.position() + 1;
            }
            scanner.advance();
        }
        addIfNotBlank(statements, sql.substring(start));
        return statements.build();
    }

    private static void addIfNotBlank(ImmutableList.Builder<String> statements, String statement)
    {
        if (!isBlank(statement)) {
            statements.add(statement.strip());
        }
    }

    /** Whitespace and comments only: Postgres answers such a query with EmptyQueryResponse. */
    public static boolean isBlank(String sql)
    {
        SqlScanner scanner = new SqlScanner(sql);
        while (!scanner.atEnd()) {
            if (Character.isWhitespace(scanner.current())) {
                scanner.advance();
            }
            else if (!scanner.skipComment()) {
                return false;
            }
        }
        return true;
    }
}
