package io.timefusion.gateway.sql;

import java.util.Locale;

/** Names of tables and columns as the parse tree holds them (quoted or not), compared as Postgres or Trino compare them. */
public final class Identifiers
{
    private Identifiers() {}

    /** As Postgres resolves a name: a quoted one exactly (quotes removed, {@code ""} unescaped), any other in lower case. */
    public static String folded(String identifier)
    {
        if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        return identifier.toLowerCase(Locale.ROOT);
    }

    /** As Trino compares table and column names: case-insensitive, so quoted ones in lower case too. */
    public static String normalize(String identifier)
    {
        return folded(identifier).toLowerCase(Locale.ROOT);
    }
}
