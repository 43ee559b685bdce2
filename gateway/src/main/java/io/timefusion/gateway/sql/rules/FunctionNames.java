package io.timefusion.gateway.sql.rules;

import net.sf.jsqlparser.expression.Function;

import java.util.Locale;

/** The name Postgres resolves a function call to: lower case, without a {@code pg_catalog.} qualifier. */
public final class FunctionNames
{
    private FunctionNames() {}

    public static String of(Function function)
    {
        String name = function.getName().toLowerCase(Locale.ROOT).replace(" ", "");
        return name.startsWith("pg_catalog.") ? name.substring("pg_catalog.".length()) : name;
    }

    public static boolean is(Function function, String name)
    {
        return of(function).equals(name);
    }
}
