package io.timefusion.gateway.sql;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces calls of one Postgres function (with or without {@code pg_catalog.}) by a Trino expression built from the argument text. */
final class FunctionCallRewriter
{
    private FunctionCallRewriter() {}

    static String rewrite(String sql, String function, UnaryOperator<String> replacement)
    {
        Pattern call = Pattern.compile("(?i)(?<![a-z0-9_.])(?:pg_catalog\\s*\\.\\s*)?" + Pattern.quote(function) + "\\s*\\(");
        String current = sql;
        while (true) {
            boolean[] code = SqlScanner.codeMask(current);
            Matcher matcher = call.matcher(current);
            int start = -1;
            while (matcher.find()) {
                if (code[matcher.start()]) {
                    start = matcher.start();
                    break;
                }
            }
            if (start < 0) {
                return current;
            }
            int open = matcher.end() - 1;
            int close = SqlScanner.matchingParenthesis(current, open);
            if (close < 0) {
                return current;
            }
            current = current.substring(0, start) + replacement.apply(current.substring(open + 1, close).strip()) + current.substring(close + 1);
        }
    }
}
