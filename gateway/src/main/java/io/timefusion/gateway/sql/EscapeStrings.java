package io.timefusion.gateway.sql;

/**
 * The pre-pass for Postgres' escape strings {@code E'…'}: they become standard literals with their backslash
 * escapes decoded, because JSqlParser ends the literal at {@code \'} and Trino has no escape strings.
 */
public final class EscapeStrings
{
    private EscapeStrings() {}

    public static String decode(String sql)
    {
        StringBuilder result = new StringBuilder(sql.length());
        SqlScanner scanner = new SqlScanner(sql);
        int copied = 0;
        while (!scanner.atEnd()) {
            int start = scanner.position();
            boolean escapeString = sql.charAt(start) == '\'' && start > 0 && Character.toUpperCase(sql.charAt(start - 1)) == 'E'
                    && (start == 1 || !Character.isLetterOrDigit(sql.charAt(start - 2)) && sql.charAt(start - 2) != '_');
            if (scanner.skipQuotedOrComment()) {
                if (escapeString) {
                    if (!scanner.quoteClosed()) {
                        throw new SqlSyntaxException("unterminated quoted string at or near \"%s\"".formatted(sql.substring(start - 1, Math.min(sql.length(), start + 20))));
                    }
                    String body = sql.substring(start + 1, Math.max(start + 1, scanner.position() - 1));
                    result.append(sql, copied, start - 1).append('\'').append(unescape(body).replace("'", "''")).append('\'');
                    copied = scanner.position();
                }
                continue;
            }
            scanner.advance();
        }
        return result.append(sql, copied, sql.length()).toString();
    }

    /**
     * The text of an escape string constant's body, as written between the quotes, with its escapes decoded.
     *
     * @throws InvalidEscapeSequenceException for a Unicode escape Postgres refuses (22025)
     */
    public static String unescape(String body)
    {
        StringBuilder text = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                text.append('\'');
                i++;
            }
            else if (c != '\\' || i + 1 == body.length()) {
                text.append(c);
            }
            else {
                char escaped = body.charAt(++i);
                switch (escaped) {
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'x' -> {
                        int end = i + 1;
                        while (end < body.length() && end < i + 3 && Character.digit(body.charAt(end), 16) >= 0) {
                            end++;
                        }
                        // without a hex digit the backslash escapes just the x, as in Postgres
                        text.append(end == i + 1 ? 'x' : (char) Integer.parseInt(body.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                    case 'u', 'U' -> {
                        int digits = escaped == 'u' ? 4 : 8;
                        text.appendCodePoint(unicodeEscape(body, i + 1, digits));
                        i += digits;
                    }
                    default -> {
                        if (escaped >= '0' && escaped <= '7') {
                            int end = i;
                            while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                                end++;
                            }
                            text.append((char) Integer.parseInt(body.substring(i, end), 8));
                            i = end - 1;
                        }
                        else {
                            text.append(escaped);
                        }
                    }
                }
            }
        }
        return text.toString();
    }

    private static int unicodeEscape(String body, int start, int digits)
    {
        if (start + digits > body.length() || !body.substring(start, start + digits).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new InvalidEscapeSequenceException("invalid Unicode escape: Unicode escapes must be \\uXXXX or \\UXXXXXXXX");
        }
        long codePoint = Long.parseLong(body, start, start + digits, 16);
        // a surrogate is half of a UTF-16 pair, not a character of its own
        if (codePoint > Character.MAX_CODE_POINT || codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            throw new InvalidEscapeSequenceException("invalid Unicode escape value");
        }
        return (int) codePoint;
    }
}
