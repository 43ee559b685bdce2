package io.timefusion.gateway.pgwire.types;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static io.timefusion.gateway.pgwire.types.InvalidTextRepresentationException.invalidSyntax;

/**
 * Reads the ISO 8601 date and time literals clients send, the subset of Postgres' datetime input they use:
 * {@code [YYYY-MM-DD][( |T)HH:MM[:SS[.ffffff]]][ ][zone][ BC|AD]}. The zone is {@code Z}, {@code UTC}, {@code GMT}, an
 * offset such as {@code +01}, {@code +01:30}, {@code +0130} or {@code -08:00:00}, or a region such as
 * {@code Europe/Berlin}. Each type takes the fields it needs and ignores the rest, as Postgres does: a date parameter
 * may come as {@code 2025-03-01 +01} (pgjdbc), a timestamp with an offset that timestamp ignores.
 */
final class DateTimeInput
{
    /**
     * @param date null when the text has none
     * @param microsOfDay -1 when the text has no time; up to 24:00:00
     * @param zone null when the text has none
     */
    record Parsed(LocalDate date, long microsOfDay, ZoneId zone)
    {
        boolean hasTime()
        {
            return microsOfDay >= 0;
        }
    }

    /** Sign of {@code infinity}, {@code +infinity} or {@code -infinity}; 0 for anything else. */
    static int infinity(String input)
    {
        return switch (TextScanner.trimSpaces(input).toLowerCase(Locale.ROOT)) {
            case "infinity", "+infinity" -> 1;
            case "-infinity" -> -1;
            default -> 0;
        };
    }

    private final String input;
    private final String text;
    private final String sqlTypeName;
    private int position;

    private DateTimeInput(String input, String sqlTypeName)
    {
        this.input = input;
        this.text = TextScanner.trimSpaces(input);
        this.sqlTypeName = sqlTypeName;
    }

    static Parsed parse(String input, String sqlTypeName)
    {
        return new DateTimeInput(input, sqlTypeName).parse();
    }

    private Parsed parse()
    {
        int yearDigits = digitsAhead();
        int[] date = null;
        long microsOfDay = -1;
        if (yearDigits > 0 && peek(yearDigits) == '-') {
            date = readDateFields(yearDigits);
            if ((peek(0) == 'T' || peek(0) == 't') && TextScanner.isDigit(peek(1))) {
                position++;
            }
            else {
                skipSpaces();
            }
            if (TextScanner.isDigit(peek(0))) {
                microsOfDay = readTime();
            }
        }
        else if (yearDigits > 0) {
            microsOfDay = readTime();
        }
        else {
            throw syntaxError();
        }
        skipSpaces();
        ZoneId zone = readZone();
        skipSpaces();
        boolean beforeChrist = readEra();
        if (position != text.length()) {
            throw syntaxError();
        }
        return new Parsed(date == null ? null : toDate(date, beforeChrist), microsOfDay, zone);
    }

    /** Year of four or more digits: shorter ones would be read in DateStyle order by Postgres, not as ISO. */
    private int[] readDateFields(int yearDigits)
    {
        if (yearDigits < 4) {
            throw syntaxError();
        }
        int year = readNumber(yearDigits, yearDigits);
        expect('-');
        int month = readNumber(1, 2);
        expect('-');
        int day = readNumber(1, 2);
        return new int[] {year, month, day};
    }

    private LocalDate toDate(int[] fields, boolean beforeChrist)
    {
        if (fields[0] == 0) {
            throw fieldOutOfRange();
        }
        try {
            return LocalDate.of(beforeChrist ? 1 - fields[0] : fields[0], fields[1], fields[2]);
        }
        catch (DateTimeException e) {
            throw fieldOutOfRange();
        }
    }

    private long readTime()
    {
        int hour = readNumber(1, 2);
        expect(':');
        int minute = readNumber(2, 2);
        int second = 0;
        long micros = 0;
        if (peek(0) == ':') {
            position++;
            second = readNumber(2, 2);
            if (peek(0) == '.') {
                position++;
                micros = readFractionAsMicros();
            }
        }
        // 24:00:00 is a valid time; 60 seconds is a leap second that rolls over into the next minute
        if (hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute > 0 || second > 0 || micros > 0))) {
            throw fieldOutOfRange();
        }
        long microsOfDay = ((hour * 60L + minute) * 60 + second) * 1_000_000 + micros;
        if (microsOfDay > PostgresEpoch.MICROS_PER_DAY) {
            throw fieldOutOfRange();
        }
        return microsOfDay;
    }

    /** Rounds half up to microseconds; a carry makes 1_000_000, which the caller adds as a whole second. */
    private long readFractionAsMicros()
    {
        int digits = digitsAhead();
        if (digits == 0) {
            throw syntaxError();
        }
        String fraction = text.substring(position, position + digits);
        position += digits;
        long micros = Long.parseLong((fraction + "000000").substring(0, 6));
        return digits > 6 && fraction.charAt(6) >= '5' ? micros + 1 : micros;
    }

    private ZoneId readZone()
    {
        char first = peek(0);
        if (first == '+' || first == '-') {
            return readOffset();
        }
        if (!Character.isLetter(first)) {
            return null;
        }
        int end = position;
        while (end < text.length() && isZoneNameChar(text.charAt(end))) {
            end++;
        }
        String name = text.substring(position, end);
        String lowerCase = name.toLowerCase(Locale.ROOT);
        if (lowerCase.equals("bc") || lowerCase.equals("ad")) {
            return null;
        }
        position = end;
        return switch (lowerCase) {
            case "z", "utc", "gmt", "zulu" -> ZoneOffset.UTC;
            default -> {
                try {
                    yield ZoneId.of(name);
                }
                catch (DateTimeException e) {
                    throw new InvalidTextRepresentationException("time zone \"%s\" not recognized".formatted(name));
                }
            }
        };
    }

    private ZoneOffset readOffset()
    {
        int sign = text.charAt(position++) == '-' ? -1 : 1;
        int digits = digitsAhead();
        int hours;
        int minutes = 0;
        int seconds = 0;
        if (digits == 4 || digits == 6) {
            hours = readTwoDigits();
            minutes = readTwoDigits();
            seconds = digits == 6 ? readTwoDigits() : 0;
        }
        else {
            hours = readNumber(1, 2);
            if (peek(0) == ':') {
                position++;
                minutes = readNumber(2, 2);
                if (peek(0) == ':') {
                    position++;
                    seconds = readNumber(2, 2);
                }
            }
        }
        try {
            return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
        }
        catch (DateTimeException e) {
            throw new DatetimeFieldOverflowException("time zone displacement out of range: \"%s\"".formatted(input));
        }
    }

    private boolean readEra()
    {
        String rest = text.substring(position).toLowerCase(Locale.ROOT);
        if (rest.equals("bc") || rest.equals("ad")) {
            position = text.length();
            return rest.equals("bc");
        }
        return false;
    }

    private static boolean isZoneNameChar(char c)
    {
        return Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == '+' || c == '-';
    }

    private int readNumber(int minDigits, int maxDigits)
    {
        int digits = digitsAhead();
        if (digits < minDigits || digits > maxDigits) {
            throw syntaxError();
        }
        int value = digits > 9 ? Integer.MAX_VALUE : Integer.parseInt(text, position, position + digits, 10);
        position += digits;
        return value;
    }

    /** Two digits of a longer run, as in the compact offset {@code +0130}. */
    private int readTwoDigits()
    {
        int value = Integer.parseInt(text, position, position + 2, 10);
        position += 2;
        return value;
    }

    private int digitsAhead()
    {
        int end = position;
        while (end < text.length() && TextScanner.isDigit(text.charAt(end))) {
            end++;
        }
        return end - position;
    }

    private char peek(int offset)
    {
        return position + offset < text.length() ? text.charAt(position + offset) : '\0';
    }

    private void expect(char c)
    {
        if (peek(0) != c) {
            throw syntaxError();
        }
        position++;
    }

    private void skipSpaces()
    {
        while (position < text.length() && TextScanner.isSpace(text.charAt(position))) {
            position++;
        }
    }

    private InvalidTextRepresentationException syntaxError()
    {
        return invalidSyntax(sqlTypeName, input);
    }

    private DatetimeFieldOverflowException fieldOutOfRange()
    {
        return new DatetimeFieldOverflowException("date/time field value out of range: \"%s\"".formatted(input));
    }
}
