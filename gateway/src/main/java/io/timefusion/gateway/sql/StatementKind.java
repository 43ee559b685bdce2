package io.timefusion.gateway.sql;

import java.util.Locale;
import java.util.Set;

/**
 * What a statement does: the protocol needs it before running anything (Describe answers NoData for statements
 * without rows) and to build the command tag. The translator tells it from the statement's first keyword.
 */
public enum StatementKind
{
    QUERY,
    INSERT,
    UPDATE,
    DELETE,
    MERGE,
    BEGIN,
    COMMIT,
    ROLLBACK,
    SET,
    COPY,
    CALL,
    /** Nothing but comments and semicolons. */
    EMPTY,
    OTHER;

    private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "DESCRIBE", "EXPLAIN");

    public static StatementKind of(String sql)
    {
        String keyword = firstKeyword(sql);
        if (QUERY_KEYWORDS.contains(keyword)) {
            return QUERY;
        }
        return switch (keyword) {
            case "INSERT" -> INSERT;
            case "UPDATE" -> UPDATE;
            case "DELETE" -> DELETE;
            case "MERGE" -> MERGE;
            case "BEGIN", "START" -> BEGIN;
            case "COMMIT", "END" -> COMMIT;
            case "ROLLBACK", "ABORT" -> ROLLBACK;
            case "SET", "RESET" -> SET;
            case "COPY" -> COPY;
            case "CALL" -> CALL;
            default -> OTHER;
        };
    }

    /** Statements the gateway carries out itself: they never reach Trino. */
    public boolean isOwnStatement()
    {
        return switch (this) {
            case BEGIN, COMMIT, ROLLBACK, SET, COPY, CALL -> true;
            default -> false;
        };
    }

    /** UPDATE, DELETE and MERGE: statements that change or remove stored rows. */
    public boolean changesRows()
    {
        return this == UPDATE || this == DELETE || this == MERGE;
    }

    public boolean returnsRows()
    {
        return this == QUERY;
    }

    /** The first word of the statement, upper case, after leading whitespace, comments and parentheses. */
    public static String firstKeyword(String sql)
    {
        SqlScanner scanner = new SqlScanner(sql);
        while (!scanner.atEnd()) {
            char c = scanner.current();
            if (Character.isWhitespace(c) || c == '(') {
                scanner.advance();
            }
            else if (!scanner.skipComment()) {
                break;
            }
        }
        int start = scanner.position();
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return sql.substring(start, end).toUpperCase(Locale.ROOT);
    }
}
