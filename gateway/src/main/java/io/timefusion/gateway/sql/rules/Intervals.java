package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postgres interval text ({@code '5 minutes'}, {@code '1 day 2 hours'}, {@code '01:30:00'}) as Trino interval
 * literals: one {@code INTERVAL 'n' UNIT} per part, added up. Trino keeps year-month and day-time intervals apart,
 * so text mixing months with days or less is refused.
 */
public final class Intervals
{
    private static final Pattern PART = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*([a-z]+)");
    private static final Pattern CLOCK = Pattern.compile("([+-])?(\\d+):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?");

    private Intervals() {}

    public static Expression literal(String text)
    {
        String remaining = text.toLowerCase(Locale.ROOT).strip();
        if (remaining.startsWith("@")) {
            remaining = remaining.substring(1).strip();
        }
        List<IntervalExpression> parts = new ArrayList<>();
        boolean yearMonth = false;
        boolean dayTime = false;
        Matcher clock = CLOCK.matcher(remaining);
        int clockStart = remaining.length();
        for (int i = 0; i < remaining.length(); i++) {
            if (clock.region(i, remaining.length()).matches() && (i == 0 || remaining.charAt(i - 1) == ' ')) {
                clockStart = i;
                break;
            }
        }
        String words = remaining.substring(0, clockStart).strip();
        Matcher part = PART.matcher(words);
        int position = 0;
        while (position < words.length()) {
            if (!part.find(position) || part.start() != position) {
                throw invalid(text);
            }
            String amount = part.group(1);
            String unit = unit(part.group(2), text);
            if (unit.equals("WEEK")) {
                amount = Long.toString(Long.parseLong(amount) * 7);
                unit = "DAY";
            }
            if (amount.contains(".") && !unit.equals("SECOND")) {
                throw new UnsupportedStatementException("interval '%s' with a fractional %s is not supported".formatted(text, unit.toLowerCase(Locale.ROOT)));
            }
            switch (unit) {
                case "YEAR", "MONTH" -> yearMonth = true;
                default -> dayTime = true;
            }
            parts.add(interval(amount, unit, amount));
            position = part.end();
            while (position < words.length() && words.charAt(position) == ' ') {
                position++;
            }
        }
        if (clockStart < remaining.length()) {
            clock.region(clockStart, remaining.length()).matches();
            String sign = clock.group(1) == null ? "" : clock.group(1);
            parts.add(interval(sign + Integer.parseInt(clock.group(2)), "HOUR", text));
            parts.add(interval(sign + Integer.parseInt(clock.group(3)), "MINUTE", text));
            if (clock.group(4) != null) {
                parts.add(interval(sign + clock.group(4), "SECOND", text));
            }
            dayTime = true;
        }
        if (parts.isEmpty()) {
            throw invalid(text);
        }
        if (yearMonth && dayTime) {
            throw new UnsupportedStatementException("interval '%s' mixing months and days is not supported".formatted(text));
        }
        Expression sum = parts.getFirst();
        for (IntervalExpression next : parts.subList(1, parts.size())) {
            sum = new Addition(sum, next);
        }
        return sum;
    }

    private static IntervalExpression interval(String amount, String unit, String text)
    {
        // Trino writes the sign before the quoted amount
        boolean negative = amount.startsWith("-");
        String magnitude = amount.replaceFirst("^[+-]", "");
        IntervalExpression interval = new IntervalExpression(true);
        interval.setParameter((negative ? "-" : "") + "'" + magnitude + "'");
        interval.setIntervalType(unit);
        return interval;
    }

    private static String unit(String word, String text)
    {
        return switch (word) {
            case "y", "yr", "yrs", "year", "years" -> "YEAR";
            case "mon", "mons", "month", "months" -> "MONTH";
            case "w", "week", "weeks" -> "WEEK";
            case "d", "day", "days" -> "DAY";
            case "h", "hr", "hrs", "hour", "hours" -> "HOUR";
            case "m", "min", "mins", "minute", "minutes" -> "MINUTE";
            case "s", "sec", "secs", "second", "seconds" -> "SECOND";
            default -> throw invalid(text);
        };
    }

    private static UnsupportedStatementException invalid(String text)
    {
        return new UnsupportedStatementException("interval '%s' is not supported".formatted(text));
    }
}
