package io.timefusion.gateway.trino;

import io.timefusion.gateway.pgwire.types.PgInterval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Trino's interval text ({@code 1 02:03:04.500}, {@code 1-2}) as the Postgres interval value. */
final class IntervalText
{
    private static final Pattern DAY_TO_SECOND = Pattern.compile("(-)?(\\d+) (\\d+):(\\d+):(\\d+)(?:\\.(\\d{1,9}))?");
    private static final Pattern YEAR_TO_MONTH = Pattern.compile("(-)?(\\d+)-(\\d+)");

    private IntervalText() {}

    static PgInterval dayToSecond(String text)
    {
        Matcher matcher = DAY_TO_SECOND.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Unexpected interval from Trino: " + text);
        }
        int sign = matcher.group(1) == null ? 1 : -1;
        String fraction = matcher.group(6) == null ? "" : matcher.group(6);
        long micros = Long.parseLong(matcher.group(3)) * 3_600_000_000L
                + Long.parseLong(matcher.group(4)) * 60_000_000L
                + Long.parseLong(matcher.group(5)) * 1_000_000L
                + (fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000").substring(0, 6)));
        return new PgInterval(0, sign * Integer.parseInt(matcher.group(2)), sign * micros);
    }

    static PgInterval yearToMonth(String text)
    {
        Matcher matcher = YEAR_TO_MONTH.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Unexpected interval from Trino: " + text);
        }
        int sign = matcher.group(1) == null ? 1 : -1;
        return new PgInterval(sign * (Integer.parseInt(matcher.group(2)) * 12 + Integer.parseInt(matcher.group(3))), 0, 0);
    }
}
