package io.timefusion.gateway.server;

import io.timefusion.gateway.sql.UnsupportedStatementException;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SET and RESET of session settings, answered by the gateway: {@code SET name TO/= value}, {@code SET TIME ZONE},
 * {@code SET TRANSACTION …} and {@code SET SESSION CHARACTERISTICS AS TRANSACTION …} (recorded and reported by
 * SHOW; every statement runs in its own Trino transaction whatever the level), {@code RESET name} and
 * {@code RESET ALL}. {@code SET name TO DEFAULT} is a RESET.
 */
final class SettingStatements
{
    private static final Pattern SET = Pattern.compile(
            "(?is)SET\\s+(?:SESSION\\s+|LOCAL\\s+)?([a-z_][a-z0-9_.]*)\\s*(?:=|\\s+TO\\s+)\\s*(.+?)\\s*");
    private static final Pattern SET_TIME_ZONE = Pattern.compile("(?is)SET\\s+(?:SESSION\\s+|LOCAL\\s+)?TIME\\s+ZONE\\s+(.+?)\\s*");
    private static final Pattern SET_TRANSACTION = Pattern.compile(
            "(?is)SET\\s+(SESSION\\s+CHARACTERISTICS\\s+AS\\s+)?TRANSACTION\\s+(.+?)\\s*");
    private static final Pattern ISOLATION_LEVEL = Pattern.compile("(?is).*ISOLATION\\s+LEVEL\\s+(SERIALIZABLE|REPEATABLE\\s+READ|READ\\s+COMMITTED|READ\\s+UNCOMMITTED).*");
    private static final Pattern RESET = Pattern.compile("(?is)RESET\\s+([a-z_][a-z0-9_.]*|ALL)\\s*");
    private static final Pattern DURATION = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|min|h|d)?");

    private SettingStatements() {}

    /** @return the command tag */
    static String apply(SessionState state, String sql)
    {
        Matcher reset = RESET.matcher(sql);
        if (reset.matches()) {
            String name = reset.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                state.resetAll();
            }
            else {
                state.reset(name);
            }
            return "RESET";
        }
        Matcher timeZone = SET_TIME_ZONE.matcher(sql);
        if (timeZone.matches()) {
            setOrReset(state, "timezone", unquote(timeZone.group(1)));
            return "SET";
        }
        Matcher transaction = SET_TRANSACTION.matcher(sql);
        if (transaction.matches()) {
            Matcher level = ISOLATION_LEVEL.matcher(transaction.group(2));
            String prefix = transaction.group(1) == null ? "" : "default_";
            if (level.matches()) {
                state.set(prefix + "transaction_isolation", level.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            }
            if (transaction.group(2).toUpperCase(Locale.ROOT).contains("READ ONLY")) {
                state.set(prefix + "transaction_read_only", "on");
            }
            return "SET";
        }
        Matcher set = SET.matcher(sql);
        if (!set.matches()) {
            throw new UnsupportedStatementException("SET statement not understood: " + sql);
        }
        setOrReset(state, set.group(1).toLowerCase(Locale.ROOT), unquote(set.group(2)));
        return "SET";
    }

    private static void setOrReset(SessionState state, String name, String value)
    {
        if (value.equalsIgnoreCase("default") || name.equals("timezone") && value.equalsIgnoreCase("local")) {
            state.reset(name);
        }
        else {
            state.set(name, value);
        }
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
