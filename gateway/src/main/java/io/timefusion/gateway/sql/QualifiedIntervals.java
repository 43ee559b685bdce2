package io.timefusion.gateway.sql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pre-pass for interval literals with a field range, {@code INTERVAL '1 02:03:04.5' DAY TO SECOND}: JSqlParser
 * reads no {@code TO} in an interval, so the text is rewritten in the unit words Postgres reads the same way
 * ({@code INTERVAL '1 day 02:03:04.5'}), which the interval rule then translates. Postgres applies a leading sign to
 * its own field only ({@code '-1 02:00'} is minus one day plus two hours), and so does the rewritten text.
 */
final class QualifiedIntervals
{
    private static final Pattern INTERVAL_BEFORE = Pattern.compile("(?i)\\bINTERVAL\\s*$");
    private static final Pattern RANGE_AFTER = Pattern.compile("(?i)^\\s*(YEAR|DAY|HOUR|MINUTE)\\s+TO\\s+(MONTH|HOUR|MINUTE|SECOND)\\b");
    private static final Pattern YEARS_MONTHS = Pattern.compile("\\s*([+-]?\\d+)-(\\d+)\\s*");
    private static final Pattern DAYS_AND_CLOCK = Pattern.compile("\\s*([+-]?\\d+)\\s+(\\d+(?::\\d+){0,2}(?:\\.\\d+)?)\\s*");

    private QualifiedIntervals() {}

    static String normalize(String sql)
    {
        StringBuilder result = new StringBuilder(sql.length());
        SqlScanner scanner = new SqlScanner(sql);
        int copied = 0;
        while (!scanner.atEnd()) {
            int start = scanner.position();
            if (!scanner.skipQuotedOrComment()) {
                scanner.advance();
                continue;
            }
            Matcher range = RANGE_AFTER.matcher(sql.substring(scanner.position()));
            if (sql.charAt(start) != '\'' || !INTERVAL_BEFORE.matcher(sql.substring(copied, start)).find() || !range.find()) {
                continue;
            }
            String text = sql.substring(start + 1, scanner.position() - 1);
            String from = range.group(1).toUpperCase(Locale.ROOT);
            String to = range.group(2).toUpperCase(Locale.ROOT);
            result.append(sql, copied, start).append('\'').append(unitWords(text, from, to)).append('\'');
            copied = scanner.position() + range.end();
        }
        return result.append(sql, copied, sql.length()).toString();
    }

    private static String unitWords(String text, String from, String to)
    {
        if (from.equals("YEAR") && to.equals("MONTH")) {
            Matcher matcher = YEARS_MONTHS.matcher(text);
            if (!matcher.matches()) {
                throw invalid(text, from, to);
            }
            return matcher.group(1) + " years " + matcher.group(2) + " months";
        }
        if (from.equals("DAY")) {
            Matcher matcher = DAYS_AND_CLOCK.matcher(text);
            if (!matcher.matches()) {
                throw invalid(text, from, to);
            }
            return matcher.group(1) + " days " + (to.equals("HOUR") ? matcher.group(2) + " hours" : matcher.group(2));
        }
        if (from.equals("HOUR") && (to.equals("MINUTE") || to.equals("SECOND"))) {
            return text;
        }
        if (from.equals("MINUTE") && to.equals("SECOND")) {
            return "0:" + text.strip();
        }
        throw invalid(text, from, to);
    }

    private static UnsupportedStatementException invalid(String text, String from, String to)
    {
        return new UnsupportedStatementException("interval '%s' %s TO %s is supported in the SQL standard's format only".formatted(text, from, to));
    }
}
