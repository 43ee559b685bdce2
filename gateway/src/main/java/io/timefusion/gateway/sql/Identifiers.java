package io.timefusion.gateway.sql;

import java.util.Locale;

/** Names of tables and columns as Trino compares them: quotes removed and case folded, since Trino's names are case-insensitive. */
public final class Identifiers
{
    private Identifiers() {}

    public static String normalize(String identifier)
    {
        String name = identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier;
        return name.toLowerCase(Locale.ROOT);
    }
}
