package io.timefusion.gateway.sql;

import java.util.function.IntFunction;

/** The {@code $1 … $n} parameter placeholders of a Postgres statement, outside literals and comments. */
public final class Placeholders
{
    private Placeholders() {}

    /** The highest placeholder number used, 0 when there is none. */
    public static int count(String sql)
    {
        int highest = 0;
        SqlScanner scanner = new SqlScanner(sql);
        while (!scanner.atEnd()) {
            if (scanner.skipQuotedOrComment()) {
                continue;
            }
            highest = Math.max(highest, scanner.placeholderNumber());
            scanner.advance();
        }
        return highest;
    }

    /** Replaces each {@code $n} with {@code replacement.apply(n)}. */
    public static String replace(String sql, IntFunction<String> replacement)
    {
        StringBuilder result = new StringBuilder(sql.length());
        SqlScanner scanner = new SqlScanner(sql);
        int copied = 0;
        while (!scanner.atEnd()) {
            if (scanner.skipQuotedOrComment()) {
                continue;
            }
            int number = scanner.placeholderNumber();
            if (number > 0) {
                result.append(sql, copied, scanner.position()).append(replacement.apply(number));
                copied = scanner.position() + 1 + Integer.toString(number).length();
                while (scanner.position() < copied) {
                    scanner.advance();
                }
                continue;
            }
            scanner.advance();
        }
        return result.append(sql, copied, sql.length()).toString();
    }
}
