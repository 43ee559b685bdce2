package io.timefusion.gateway.sql;

/**
 * Walks SQL text and knows which characters are code and which are inside string literals, quoted identifiers,
 * dollar quotes or comments. Splitting a simple-query message and finding {@code $n} placeholders both need
 * exactly this and no more; a full parser would refuse Trino SQL that merely passes through.
 */
final class SqlScanner
{
    private final String sql;
    private int position;
    private boolean quoteClosed;

    SqlScanner(String sql)
    {
        this.sql = sql;
    }

    boolean atEnd()
    {
        return position >= sql.length();
    }

    int position()
    {
        return position;
    }

    char current()
    {
        return sql.charAt(position);
    }

    /** Skips a literal, quoted identifier or comment starting at the current position; returns false if there is none. */
    boolean skipQuotedOrComment()
    {
        char c = current();
        if (c == '\'') {
            boolean backslashEscapes = position > 0 && (sql.charAt(position - 1) == 'E' || sql.charAt(position - 1) == 'e')
                    && (position == 1 || !Character.isLetterOrDigit(sql.charAt(position - 2)));
            skipQuoted('\'', backslashEscapes);
            return true;
        }
        if (c == '"') {
            skipQuoted('"', false);
            return true;
        }
        if (c == '$') {
            return skipDollarQuote();
        }
        return skipComment();
    }

    /** Skips a line or block comment starting at the current position; returns false if there is none. */
    boolean skipComment()
    {
        if (startsWith("--")) {
            int end = sql.indexOf('\n', position);
            position = end < 0 ? sql.length() : end + 1;
            return true;
        }
        if (startsWith("/*")) {
            skipBlockComment();
            return true;
        }
        return false;
    }

    void advance()
    {
        position++;
    }

    /** Whether the literal or quoted identifier skipped last ended with its closing quote rather than with the text. */
    boolean quoteClosed()
    {
        return quoteClosed;
    }

    private void skipQuoted(char quote, boolean backslashEscapes)
    {
        quoteClosed = false;
        position++;
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (backslashEscapes && c == '\\') {
                // a backslash as the last character escapes nothing: stay within the text
                position = Math.min(position + 2, sql.length());
                continue;
            }
            position++;
            if (c == quote) {
                if (position < sql.length() && sql.charAt(position) == quote) {
                    position++;
                }
                else {
                    quoteClosed = true;
                    return;
                }
            }
        }
    }

    private void skipBlockComment()
    {
        // Postgres block comments nest
        int depth = 0;
        while (position < sql.length()) {
            if (startsWith("/*")) {
                depth++;
                position += 2;
            }
            else if (startsWith("*/")) {
                depth--;
                position += 2;
                if (depth == 0) {
                    return;
                }
            }
            else {
                position++;
            }
        }
    }

    private boolean skipDollarQuote()
    {
        int end = position + 1;
        while (end < sql.length() && isIdentifierPart(sql.charAt(end)) && !Character.isDigit(sql.charAt(position + 1))) {
            end++;
        }
        if (end >= sql.length() || sql.charAt(end) != '$' || (position > 0 && isIdentifierPart(sql.charAt(position - 1)))) {
            return false;
        }
        String tag = sql.substring(position, end + 1);
        int close = sql.indexOf(tag, end + 1);
        position = close < 0 ? sql.length() : close + tag.length();
        return true;
    }

    private boolean startsWith(String prefix)
    {
        return sql.startsWith(prefix, position);
    }

    private static boolean isIdentifierPart(char c)
    {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
