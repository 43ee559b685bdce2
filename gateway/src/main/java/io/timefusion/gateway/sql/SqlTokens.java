package io.timefusion.gateway.sql;

import java.util.Locale;

/**
 * A tiny cursor over the tokens of COPY, the one statement the gateway reads that JSqlParser has no grammar for
 * ({@link CopyStatement}): keywords, symbols, identifiers and string literals.
 */
final class SqlTokens
{
    private final String sql;
    private int position;

    SqlTokens(String sql)
    {
        this.sql = sql;
    }

    boolean keyword(String keyword)
    {
        skipSpace();
        int end = position + keyword.length();
        if (end <= sql.length() && sql.substring(position, end).equalsIgnoreCase(keyword)
                && (end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end)))) {
            position = end;
            return true;
        }
        return false;
    }

    boolean symbol(char symbol)
    {
        skipSpace();
        if (position < sql.length() && sql.charAt(position) == symbol) {
            position++;
            return true;
        }
        return false;
    }

    String qualifiedName()
    {
        String name = identifier();
        while (name != null && symbol('.')) {
            String part = identifier();
            if (part == null) {
                return null;
            }
            name = part;
        }
        return name;
    }

    /** An identifier, quoted ("Mixed") or folded to lower case as Postgres and Trino do. */
    String identifier()
    {
        skipSpace();
        if (position < sql.length() && sql.charAt(position) == '"') {
            int end = sql.indexOf('"', position + 1);
            if (end < 0) {
                return null;
            }
            String name = sql.substring(position + 1, end);
            position = end + 1;
            return name;
        }
        int start = position;
        while (position < sql.length() && (Character.isLetterOrDigit(sql.charAt(position)) || sql.charAt(position) == '_')) {
            position++;
        }
        return position == start ? null : sql.substring(start, position).toLowerCase(Locale.ROOT);
    }

    /** Whether only whitespace (and a final semicolon) is left. */
    boolean atEnd()
    {
        skipSpace();
        if (position < sql.length() && sql.charAt(position) == ';') {
            position++;
            skipSpace();
        }
        return position >= sql.length();
    }

    /**
     * A string constant: {@code 'it''s'}, or {@code E'\t'} with backslash escapes; null with the cursor unmoved if
     * none starts here.
     */
    String stringLiteral()
    {
        skipSpace();
        int start = position;
        boolean escapes = position + 1 < sql.length() && (sql.charAt(position) == 'E' || sql.charAt(position) == 'e') && sql.charAt(position + 1) == '\'';
        if (escapes) {
            position++;
        }
        if (position >= sql.length() || sql.charAt(position) != '\'') {
            position = start;
            return null;
        }
        StringBuilder value = new StringBuilder();
        int i = position + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                position = i + 1;
                return value.toString();
            }
            if (escapes && c == '\\' && i + 1 < sql.length()) {
                value.append(unescape(sql.charAt(i + 1)));
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        position = start;
        return null;
    }

    private static char unescape(char escaped)
    {
        return switch (escaped) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> escaped;
        };
    }

    private void skipSpace()
    {
        while (position < sql.length() && Character.isWhitespace(sql.charAt(position))) {
            position++;
        }
    }
}
