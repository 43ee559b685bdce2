package io.timefusion.gateway.sql.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamp text as Postgres reads it for a timestamptz ({@code '2026-01-01 00:00:00+00'},
 * {@code '2026-01-01T10:00:00Z'}) as a Trino {@code TIMESTAMP '… zone'} literal. Text without a zone is in the
 * session's time zone, as in Postgres.
 */
public final class TimestampLiterals
{
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s*(Z|UTC|[+-]\\d{2}(?::?\\d{2})?|[A-Za-z]+/[A-Za-z_/+-]+)?");

    private TimestampLiterals() {}

    /** The literal's text between the quotes of {@code TIMESTAMP '…'}, when the text is a timestamp. */
    public static Optional<String> withTimeZone(String text, String sessionTimeZone)
    {
        Matcher matcher = TIMESTAMP.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String time = matcher.group(2).length() == 5 ? matcher.group(2) + ":00" : matcher.group(2);
        return Optional.of(matcher.group(1) + " " + time + " " + zone(matcher.group(3), sessionTimeZone));
    }

    private static String zone(String written, String sessionTimeZone)
    {
        if (written == null) {
            return sessionTimeZone;
        }
        if (written.equals("Z")) {
            return "UTC";
        }
        if (written.startsWith("+") || written.startsWith("-")) {
            String digits = written.substring(1).replace(":", "");
            return written.charAt(0) + digits.substring(0, 2) + ":" + (digits.length() > 2 ? digits.substring(2) : "00");
        }
        return written;
    }
}
