package io.timefusion.gateway.sql;

import java.util.Set;

/**
 * The keywords a statement can begin with: Postgres' (its grammar's statements) and Trino's own that the gateway
 * passes on (DESCRIBE, USE). A statement beginning with any other word is a syntax error in Postgres whatever
 * follows, so the translator can report it as one even where its parser cannot read the rest.
 */
final class StatementKeywords
{
    private static final Set<String> KEYWORDS = Set.of(
            "ABORT", "ALTER", "ANALYZE", "ANALYSE", "BEGIN", "CALL", "CHECKPOINT", "CLOSE", "CLUSTER", "COMMENT", "COMMIT", "COPY",
            "CREATE", "DEALLOCATE", "DECLARE", "DELETE", "DISCARD", "DO", "DROP", "END", "EXECUTE", "EXPLAIN", "FETCH", "GRANT",
            "IMPORT", "INSERT", "LISTEN", "LOAD", "LOCK", "MERGE", "MOVE", "NOTIFY", "PREPARE", "REASSIGN", "REFRESH", "REINDEX",
            "RELEASE", "RESET", "REVOKE", "ROLLBACK", "SAVEPOINT", "SECURITY", "SELECT", "SET", "SHOW", "START", "TABLE",
            "TRUNCATE", "UNLISTEN", "UPDATE", "VACUUM", "VALUES", "WITH",
            "DESCRIBE", "USE");

    private StatementKeywords() {}

    static boolean beginsAStatement(String keyword)
    {
        return KEYWORDS.contains(keyword);
    }
}
