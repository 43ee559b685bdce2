package io.timefusion.gateway.sql;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Regular-expression replacement applied only to SQL code, never inside literals, quoted identifiers or comments. */
final class CodeRewriter
{
    private CodeRewriter() {}

    static String replaceInCode(String sql, String regex, Function<MatchResult, String> replacement)
    {
        Pattern pattern = Pattern.compile(regex);
        StringBuilder result = new StringBuilder(sql.length());
        SqlScanner scanner = new SqlScanner(sql);
        int codeStart = 0;
        while (!scanner.atEnd()) {
            int before = scanner.position();
            if (scanner.skipQuotedOrComment()) {
                result.append(pattern.matcher(sql.substring(codeStart, before)).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(replacement.apply(match))));
                result.append(sql, before, scanner.position());
                codeStart = scanner.position();
                continue;
            }
            scanner.advance();
        }
        result.append(pattern.matcher(sql.substring(codeStart)).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(replacement.apply(match))));
        return result.toString();
    }
}
