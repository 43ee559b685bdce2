package io.timefusion.gateway.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postgres' regular-expression operators {@code ~}, {@code ~*}, {@code !~}, {@code !~*} between a column reference
 * and a string literal become Trino's {@code regexp_like} (with the {@code (?i)} flag for the case-insensitive ones).
 */
final class RegexMatchRewriter
{
    private static final Pattern MATCH = Pattern.compile(
            "(?i)((?:[a-z_][a-z0-9_]*\\.)*[a-z_][a-z0-9_]*)\\s*(?:OPERATOR\\s*\\(\\s*pg_catalog\\s*\\.\\s*)?(!?~\\*?)\\s*\\)?\\s*('(?:[^']|'')*')");

    private RegexMatchRewriter() {}

    static String rewrite(String sql)
    {
        boolean[] code = SqlScanner.codeMask(sql);
        Matcher matcher = MATCH.matcher(sql);
        StringBuilder result = new StringBuilder();
        int copied = 0;
        while (matcher.find()) {
            if (!code[matcher.start()] || !code[matcher.start(2)]) {
                continue;
            }
            String operator = matcher.group(2);
            String pattern = matcher.group(3);
            if (operator.endsWith("*")) {
                pattern = "'(?i)' || " + pattern;
            }
            String match = "regexp_like(" + matcher.group(1) + ", " + pattern + ")";
            result.append(sql, copied, matcher.start()).append(operator.startsWith("!") ? "NOT " + match : match);
            copied = matcher.end();
        }
        return result.append(sql.substring(copied)).toString();
    }
}
