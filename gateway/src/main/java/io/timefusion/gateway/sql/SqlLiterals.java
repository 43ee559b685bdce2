package io.timefusion.gateway.sql;

/** Text written into a statement as an SQL string literal, the same in Postgres and Trino. */
public final class SqlLiterals
{
    private SqlLiterals() {}

    public static String string(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }
}
