package io.timefusion.gateway.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code operand = ANY(array)} becomes {@code contains(array, operand)}: Trino's ANY takes only a subquery. The
 * operand is what may stand before it without parentheses: a column reference, a parameter or a literal.
 */
final class AnyOfArrayRewriter
{
    private static final Pattern OPERAND_AND_ANY = Pattern.compile(
            "(?i)((?:[a-z_][a-z0-9_]*\\.)*[a-z_][a-z0-9_]*|\\$\\d+|-?\\d+(?:\\.\\d+)?|'(?:[^']|'')*')\\s*=\\s*ANY\\s*\\($");

    private AnyOfArrayRewriter() {}

    static String rewrite(String sql)
    {
        String current = sql;
        while (true) {
            String next = rewriteFirst(current);
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
    }

    private static String rewriteFirst(String sql)
    {
        SqlScanner scanner = new SqlScanner(sql);
        while (!scanner.atEnd()) {
            if (scanner.skipQuotedOrComment()) {
                continue;
            }
            if (scanner.current() == '(') {
                int open = scanner.position();
                Matcher operand = OPERAND_AND_ANY.matcher(sql.substring(0, open + 1));
                if (operand.find() && !isSubquery(sql, open)) {
                    int close = SqlScanner.matchingParenthesis(sql, open);
                    if (close > 0) {
                        String array = sql.substring(open + 1, close).strip();
                        return sql.substring(0, operand.start()) + "contains(" + array + ", " + operand.group(1) + ")" + sql.substring(close + 1);
                    }
                }
            }
            scanner.advance();
        }
        return sql;
    }

    private static boolean isSubquery(String sql, int open)
    {
        String inside = sql.substring(open + 1).stripLeading();
        return StatementKind.firstKeyword(inside).equals("SELECT") || StatementKind.firstKeyword(inside).equals("WITH");
    }
}
