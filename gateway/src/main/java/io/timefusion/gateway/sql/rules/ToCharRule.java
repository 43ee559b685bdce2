package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code to_char(timestamp, 'pattern')} with a literal pattern becomes date_format with the pattern's fields in
 * MySQL notation. Fields without an exact equivalent (and to_char of numbers) are refused rather than printed
 * differently.
 */
public final class ToCharRule
        implements TranslationRule
{
    // longest first, so HH24 is read before HH
    private static final List<Map.Entry<String, String>> FIELDS = List.of(
            Map.entry("YYYY", "%Y"), Map.entry("HH24", "%H"), Map.entry("HH12", "%h"), Map.entry("Month", "%M"), Map.entry("Mon", "%b"),
            Map.entry("Day", "%W"), Map.entry("Dy", "%a"), Map.entry("YY", "%y"), Map.entry("MM", "%m"), Map.entry("DD", "%d"), Map.entry("HH", "%h"),
            Map.entry("MI", "%i"), Map.entry("SS", "%s"), Map.entry("US", "%f"), Map.entry("AM", "%p"), Map.entry("PM", "%p"));

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function) || !FunctionNames.is(function, "to_char")) {
            return Optional.empty();
        }
        if (function.getParameters() == null || function.getParameters().size() != 2 || !(function.getParameters().get(1) instanceof StringValue pattern)) {
            throw new UnsupportedStatementException("to_char is supported with a timestamp and a literal pattern only");
        }
        return Optional.of(Templates.expand("date_format({0}, {1})", function.getParameters().get(0), new StringValue(mysqlPattern(pattern.getValue()).replace("'", "''"))));
    }

    static String mysqlPattern(String pattern)
    {
        StringBuilder result = new StringBuilder();
        int i = 0;
        next:
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '"') {
                int end = pattern.indexOf('"', i + 1);
                result.append(pattern, i + 1, end < 0 ? pattern.length() : end);
                i = end < 0 ? pattern.length() : end + 1;
                continue;
            }
            for (Map.Entry<String, String> field : FIELDS) {
                if (pattern.startsWith(field.getKey(), i)) {
                    result.append(field.getValue());
                    i += field.getKey().length();
                    continue next;
                }
            }
            if (Character.isLetter(c)) {
                throw new UnsupportedStatementException("to_char pattern '%s' is not supported at '%s'".formatted(pattern, pattern.substring(i)));
            }
            result.append(c == '%' ? "%%" : String.valueOf(c));
            i++;
        }
        return result.toString();
    }
}
