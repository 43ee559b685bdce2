package io.timefusion.gateway.pgwire.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.timefusion.gateway.pgwire.types.InvalidTextRepresentationException.invalidSyntax;

/**
 * Reads interval literals as Postgres' interval_in does for the forms clients send:
 * <ul>
 * <li>Postgres style: {@code [@] quantity unit [quantity unit...] [HH:MM[:SS[.f]]] [ago]}, units singular, plural or
 * abbreviated ({@code 1 year 2 mons}, {@code 3 days 04:05:06}, pgjdbc's {@code 1 years 2 mons 3 days 4 hours 5 mins
 * 6.5 secs}); a bare number is seconds, or days before a time;</li>
 * <li>SQL standard year-month {@code 1-2};</li>
 * <li>ISO 8601 with designators: {@code P1Y2M3W4DT5H6M7.5S}.</li>
 * </ul>
 * A fraction spills into smaller fields the way Postgres spills it: fractional years into whole months, fractional
 * months into days of 30 days and the rest into microseconds, fractional days into microseconds.
 */
final class IntervalInput
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final Pattern TOKEN = Pattern.compile(
            "(?<time>[+-]?\\d+:\\d+(:\\d+)?(\\.\\d*)?)"
                    + "|(?<yearMonth>[+-]?\\d+-\\d+)"
                    + "|(?<number>[+-]?(\\d+\\.?\\d*|\\.\\d+))"
                    + "|(?<word>[a-z]+)");
    private static final Pattern ISO_PART = Pattern.compile("([+-]?(\\d+\\.?\\d*|\\.\\d+))([a-z])");

    private enum Unit
    {
        MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR, DECADE, CENTURY, MILLENNIUM
    }

    private final String input;
    private long months;
    private long days;
    private long micros;

    private IntervalInput(String input)
    {
        this.input = input;
    }

    static PgInterval parse(String input)
    {
        return new IntervalInput(input).parse();
    }

    private PgInterval parse()
    {
        String text = TextScanner.trimSpaces(input).toLowerCase(Locale.ROOT);
        switch (text) {
            case "infinity", "+infinity" -> {
                return PgInterval.INFINITY;
            }
            case "-infinity" -> {
                return PgInterval.NEGATIVE_INFINITY;
            }
            default -> {}
        }
        if (text.startsWith("@")) {
            text = TextScanner.trimSpaces(text.substring(1));
        }
        try {
            if (text.startsWith("p")) {
                parseIso(text.substring(1));
            }
            else {
                parsePostgres(tokens(text));
            }
        }
        catch (ArithmeticException | NumberFormatException e) {
            // syntax is checked by the patterns, so these are numbers too large for the fields
            throw outOfRange();
        }
        return result();
    }

    private enum Kind
    {
        TIME, YEAR_MONTH, NUMBER, WORD
    }

    private record Token(Kind kind, String text) {}

    private List<Token> tokens(String text)
    {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        int position = 0;
        while (position < text.length()) {
            if (TextScanner.isSpace(text.charAt(position))) {
                position++;
                continue;
            }
            if (!matcher.region(position, text.length()).lookingAt()) {
                throw syntaxError();
            }
            Kind kind = matcher.group("time") != null ? Kind.TIME
                    : matcher.group("yearMonth") != null ? Kind.YEAR_MONTH
                    : matcher.group("number") != null ? Kind.NUMBER
                    : Kind.WORD;
            tokens.add(new Token(kind, matcher.group()));
            position = matcher.end();
        }
        if (tokens.isEmpty()) {
            throw syntaxError();
        }
        return tokens;
    }

    private void parsePostgres(List<Token> tokens)
    {
        boolean ago = tokens.getLast().equals(new Token(Kind.WORD, "ago"));
        int end = ago ? tokens.size() - 1 : tokens.size();
        for (int i = 0; i < end; i++) {
            Token token = tokens.get(i);
            Kind next = i + 1 < end ? tokens.get(i + 1).kind() : null;
            switch (token.kind()) {
                case TIME -> micros = Math.addExact(micros, timeMicros(token.text()));
                case YEAR_MONTH -> addYearMonth(token.text());
                case NUMBER -> {
                    if (next == null) {
                        add(token.text(), Unit.SECOND);
                    }
                    else if (next == Kind.WORD) {
                        add(token.text(), unit(tokens.get(++i).text()));
                    }
                    else if (next == Kind.TIME) {
                        add(token.text(), Unit.DAY);
                    }
                    else {
                        throw syntaxError();
                    }
                }
                case WORD -> throw syntaxError();
            }
        }
        if (ago) {
            months = -months;
            days = -days;
            micros = Math.negateExact(micros);
        }
    }

    private void parseIso(String designators)
    {
        boolean timePart = false;
        int position = 0;
        Matcher part = ISO_PART.matcher(designators);
        while (position < designators.length()) {
            if (!timePart && designators.charAt(position) == 't') {
                timePart = true;
                position++;
                continue;
            }
            if (!part.region(position, designators.length()).lookingAt()) {
                throw syntaxError();
            }
            Unit unit = switch (part.group(3).charAt(0)) {
                case 'y' -> timePart ? null : Unit.YEAR;
                case 'w' -> timePart ? null : Unit.WEEK;
                case 'd' -> timePart ? null : Unit.DAY;
                case 'm' -> timePart ? Unit.MINUTE : Unit.MONTH;
                case 'h' -> timePart ? Unit.HOUR : null;
                case 's' -> timePart ? Unit.SECOND : null;
                default -> null;
            };
            if (unit == null) {
                throw syntaxError();
            }
            add(part.group(1), unit);
            position = part.end();
        }
        if (designators.isEmpty() || designators.endsWith("t")) {
            throw syntaxError();
        }
    }

    /** Adds a signed decimal quantity of a unit, spilling its fraction as Postgres does. */
    private void add(String quantity, Unit unit)
    {
        int point = quantity.indexOf('.');
        String integral = point < 0 ? quantity : quantity.substring(0, point);
        long whole = integral.isEmpty() || integral.equals("-") || integral.equals("+") ? 0 : Long.parseLong(integral);
        double fraction = point < 0 || point == quantity.length() - 1 ? 0 : Double.parseDouble("0" + quantity.substring(point));
        if (quantity.startsWith("-")) {
            fraction = -fraction;
        }
        switch (unit) {
            case MICROSECOND -> addMicros(whole, fraction, 1);
            case MILLISECOND -> addMicros(whole, fraction, 1_000);
            case SECOND -> addMicros(whole, fraction, 1_000_000);
            case MINUTE -> addMicros(whole, fraction, 60_000_000);
            case HOUR -> addMicros(whole, fraction, 3_600_000_000L);
            case DAY -> {
                days = Math.addExact(days, whole);
                addFractionalMicros(fraction, MICROS_PER_DAY);
            }
            case WEEK -> {
                days = Math.addExact(days, Math.multiplyExact(whole, 7));
                addFractionalDays(fraction, 7);
            }
            case MONTH -> {
                months = Math.addExact(months, whole);
                addFractionalDays(fraction, 30);
            }
            case YEAR -> addYears(whole, fraction, 1);
            case DECADE -> addYears(whole, fraction, 10);
            case CENTURY -> addYears(whole, fraction, 100);
            case MILLENNIUM -> addYears(whole, fraction, 1000);
        }
    }

    private void addMicros(long whole, double fraction, long scale)
    {
        micros = Math.addExact(micros, Math.multiplyExact(whole, scale));
        addFractionalMicros(fraction, scale);
    }

    private void addFractionalMicros(double fraction, long scale)
    {
        double scaled = fraction * scale;
        long whole = (long) scaled;
        micros = Math.addExact(micros, whole + (long) Math.rint(scaled - whole));
    }

    private void addFractionalDays(double fraction, int scale)
    {
        double scaled = fraction * scale;
        long whole = (long) scaled;
        days = Math.addExact(days, whole);
        addFractionalMicros(scaled - whole, MICROS_PER_DAY);
    }

    /** A fraction of a year becomes whole months, rounded; it never reaches days. */
    private void addYears(long whole, double fraction, int yearsPerUnit)
    {
        months = Math.addExact(months, Math.multiplyExact(whole, 12L * yearsPerUnit));
        months = Math.addExact(months, (long) Math.rint(fraction * 12 * yearsPerUnit));
    }

    /** SQL standard {@code Y-M}; a leading sign applies to both fields. */
    private void addYearMonth(String yearMonth)
    {
        boolean negative = yearMonth.startsWith("-");
        String unsigned = negative || yearMonth.startsWith("+") ? yearMonth.substring(1) : yearMonth;
        int dash = unsigned.indexOf('-');
        long total = Math.addExact(Math.multiplyExact(Long.parseLong(unsigned.substring(0, dash)), 12), Long.parseLong(unsigned.substring(dash + 1)));
        months = Math.addExact(months, negative ? -total : total);
    }

    /** {@code H:M[:S[.f]]}; two fields with a fraction are {@code M:S.f}, as in Postgres. */
    private long timeMicros(String time)
    {
        boolean negative = time.startsWith("-");
        String unsigned = negative || time.startsWith("+") ? time.substring(1) : time;
        String[] fields = unsigned.split(":");
        int point = fields[fields.length - 1].indexOf('.');
        double fraction = 0;
        if (point >= 0) {
            String last = fields[fields.length - 1];
            fraction = point == last.length() - 1 ? 0 : Double.parseDouble("0" + last.substring(point));
            fields[fields.length - 1] = last.substring(0, point);
        }
        boolean minutesAndSeconds = fields.length == 2 && point >= 0;
        long hours = minutesAndSeconds ? 0 : Long.parseLong(fields[0]);
        long minutes = Long.parseLong(fields[minutesAndSeconds ? 0 : 1]);
        long seconds = minutesAndSeconds ? Long.parseLong(fields[1]) : fields.length == 3 ? Long.parseLong(fields[2]) : 0;
        if ((!minutesAndSeconds && minutes > 59) || seconds > 59) {
            throw new DatetimeFieldOverflowException("interval field value out of range: \"%s\"".formatted(input));
        }
        long total = Math.addExact(Math.multiplyExact(hours, 3_600_000_000L), minutes * 60_000_000 + seconds * 1_000_000 + (long) Math.rint(fraction * 1_000_000));
        return negative ? -total : total;
    }

    private Unit unit(String word)
    {
        return switch (word) {
            case "microsecond", "microseconds", "microsecon", "us", "usec", "usecs", "useconds" -> Unit.MICROSECOND;
            case "millisecond", "milliseconds", "millisecon", "ms", "msec", "msecs", "mseconds" -> Unit.MILLISECOND;
            case "second", "seconds", "s", "sec", "secs" -> Unit.SECOND;
            case "minute", "minutes", "m", "min", "mins" -> Unit.MINUTE;
            case "hour", "hours", "h", "hr", "hrs" -> Unit.HOUR;
            case "day", "days", "d" -> Unit.DAY;
            case "week", "weeks", "w" -> Unit.WEEK;
            case "month", "months", "mon", "mons" -> Unit.MONTH;
            case "year", "years", "y", "yr", "yrs" -> Unit.YEAR;
            case "decade", "decades", "dec", "decs" -> Unit.DECADE;
            case "century", "centuries", "c", "cent" -> Unit.CENTURY;
            case "millennium", "millennia", "mil", "mils" -> Unit.MILLENNIUM;
            default -> throw syntaxError();
        };
    }

    private PgInterval result()
    {
        if (months != (int) months || days != (int) days) {
            throw outOfRange();
        }
        PgInterval interval = new PgInterval((int) months, (int) days, micros);
        // the infinities are sentinels, not values a finite literal may produce
        if (interval.equals(PgInterval.INFINITY) || interval.equals(PgInterval.NEGATIVE_INFINITY)) {
            throw outOfRange();
        }
        return interval;
    }

    private DatetimeFieldOverflowException outOfRange()
    {
        return new DatetimeFieldOverflowException("interval out of range");
    }

    private InvalidTextRepresentationException syntaxError()
    {
        return invalidSyntax("interval", input);
    }
}
