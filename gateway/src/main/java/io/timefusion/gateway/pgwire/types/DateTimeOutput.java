package io.timefusion.gateway.pgwire.types;

import java.time.LocalDate;

/**
 * Writes dates and times as Postgres does with DateStyle=ISO: {@code 2025-03-01 12:00:00.5}, years padded to four
 * digits, {@code BC} appended for years before 1 AD, and the fraction of a second without trailing zeros.
 */
final class DateTimeOutput
{
    private DateTimeOutput() {}

    static StringBuilder appendDate(StringBuilder text, LocalDate date)
    {
        int year = date.getYear();
        appendPadded(text, year > 0 ? year : 1 - year, 4).append('-');
        appendPadded(text, date.getMonthValue(), 2).append('-');
        return appendPadded(text, date.getDayOfMonth(), 2);
    }

    static StringBuilder appendEra(StringBuilder text, LocalDate date)
    {
        return date.getYear() > 0 ? text : text.append(" BC");
    }

    /** @param microsOfDay up to and including 24:00:00 */
    static StringBuilder appendTime(StringBuilder text, long microsOfDay)
    {
        long seconds = microsOfDay / 1_000_000;
        appendPadded(text, seconds / 3600, 2).append(':');
        appendPadded(text, seconds / 60 % 60, 2).append(':');
        return appendSeconds(text, seconds % 60, microsOfDay % 1_000_000);
    }

    /** Two-digit seconds, then the microseconds as a fraction without trailing zeros; both non-negative. */
    static StringBuilder appendSeconds(StringBuilder text, long seconds, long micros)
    {
        appendPadded(text, seconds, 2);
        if (micros != 0) {
            appendPadded(text.append('.'), micros, 6);
            int end = text.length();
            while (text.charAt(end - 1) == '0') {
                end--;
            }
            text.setLength(end);
        }
        return text;
    }

    static StringBuilder appendPadded(StringBuilder text, long value, int width)
    {
        String digits = Long.toString(value);
        return text.repeat('0', Math.max(width - digits.length(), 0)).append(digits);
    }
}
