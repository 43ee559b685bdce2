package io.timefusion.gateway.server;

import io.timefusion.gateway.sql.UnsupportedStatementException;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SET and RESET of session settings, answered by the gateway. {@code statement_timeout} also bounds every later
 * Trino query of the session.
 */
final class SettingStatements
{
    private static final Pattern SET = Pattern.compile(
            "(?is)SET\\s+(?:SESSION\\s+|LOCAL\\s+)?([a-z_][a-z0-9_.]*)\\s*(?:=|\\s+TO\\s+)\\s*(.+?)\\s*");
    private static final Pattern SET_TIME_ZONE = Pattern.compile("(?is)SET\\s+(?:SESSION\\s+|LOCAL\\s+)?TIME\\s+ZONE\\s+(.+?)\\s*");
    private static final Pattern RESET = Pattern.compile("(?is)RESET\\s+([a-z_][a-z0-9_.]*|ALL)\\s*");
    private static final Pattern DURATION = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|min|h|d)?");

    private SettingStatements() {}

    /** @return the command tag */
    static String apply(SessionState state, String sql)
    {
        Matcher reset = RESET.matcher(sql);
        if (reset.matches()) {
            String name = reset.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("all") || name.equals("statement_timeout")) {
                state.setStatementTimeout(Optional.empty());
            }
            state.reset(name);
            return "RESET";
        }
        Matcher timeZone = SET_TIME_ZONE.matcher(sql);
        if (timeZone.matches()) {
            state.set("timezone", unquote(timeZone.group(1)));
            return "SET";
        }
        Matcher set = SET.matcher(sql);
        if (!set.matches()) {
            throw new UnsupportedStatementException("SET statement not understood: " + sql);
        }
        String name = set.group(1).toLowerCase(Locale.ROOT);
        String value = unquote(set.group(2));
        if (name.equals("statement_timeout")) {
            state.setStatementTimeout(parseTimeout(value));
        }
        state.set(name, value);
        return "SET";
    }

    /** Postgres reads a bare number as milliseconds; 0 disables the timeout. */
    static Optional<Duration> parseTimeout(String value)
    {
        if (value.equalsIgnoreCase("default")) {
            return Optional.empty();
        }
        Matcher matcher = DURATION.matcher(value.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid value for parameter \"statement_timeout\": \"" + value + "\"");
        }
        double amount = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2).toLowerCase(Locale.ROOT);
        long millis = switch (unit) {
            case "us" -> (long) (amount / 1000);
            case "ms" -> (long) amount;
            case "s" -> (long) (amount * 1000);
            case "min" -> (long) (amount * 60_000);
            case "h" -> (long) (amount * 3_600_000);
            default -> (long) (amount * 86_400_000);
        };
        return millis <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }

    private static String unquote(String value)
    {
        String trimmed = value.strip();
        if (trimmed.length() >= 2 && (trimmed.startsWith("'") && trimmed.endsWith("'") || trimmed.startsWith("\"") && trimmed.endsWith("\""))) {
            return trimmed.substring(1, trimmed.length() - 1).replace("''", "'");
        }
        return trimmed;
    }
}
