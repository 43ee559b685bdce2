package io.timefusion.gateway.pgwire.protocol;

import static java.util.Objects.requireNonNull;

/**
 * The fields of an ErrorResponse or NoticeResponse.
 *
 * @param sqlState five characters of digits and upper-case letters
 * @param detail null when absent
 * @param hint null when absent
 * @param position 1-based character index into the query string the error refers to; 0 when absent
 * @param where the CONTEXT of the error (where in the input it happened, e.g. the line of a COPY); null when absent
 */
public record ErrorFields(Severity severity, String sqlState, String message, String detail, String hint, int position, String where)
{
    /** The severity words clients parse: they must not be localized, which is also why 'V' repeats 'S'. */
    public enum Severity
    {
        ERROR(true),
        FATAL(true),
        PANIC(true),
        WARNING(false),
        NOTICE(false),
        DEBUG(false),
        INFO(false),
        LOG(false);

        private final boolean error;

        Severity(boolean error)
        {
            this.error = error;
        }

        /** Whether the severity belongs in an ErrorResponse rather than a NoticeResponse. */
        public boolean isError()
        {
            return error;
        }
    }

    public ErrorFields
    {
        requireNonNull(severity, "severity is null");
        requireNonNull(sqlState, "sqlState is null");
        requireNonNull(message, "message is null");
        if (!sqlState.matches("[0-9A-Z]{5}")) {
            throw new IllegalArgumentException("SQLSTATE must be five digits or upper-case letters: " + sqlState);
        }
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        // fields are C strings, and a message may quote what a client sent: a NUL in it must not cut the message short
        message = visibleNul(message);
        detail = visibleNul(detail);
        hint = visibleNul(hint);
        where = visibleNul(where);
    }

    private static String visibleNul(String text)
    {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "\\x00");
    }

    public static ErrorFields of(Severity severity, String sqlState, String message)
    {
        return new ErrorFields(severity, sqlState, message, null, null, 0, null);
    }

    public ErrorFields withDetail(String detail)
    {
        return new ErrorFields(severity, sqlState, message, detail, hint, position, where);
    }

    public ErrorFields withHint(String hint)
    {
        return new ErrorFields(severity, sqlState, message, detail, hint, position, where);
    }

    public ErrorFields withPosition(int position)
    {
        return new ErrorFields(severity, sqlState, message, detail, hint, position, where);
    }

    public ErrorFields withWhere(String where)
    {
        return new ErrorFields(severity, sqlState, message, detail, hint, position, where);
    }
}
