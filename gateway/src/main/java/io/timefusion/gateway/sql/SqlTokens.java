package io.timefusion.gateway.sql;

import java.util.Locale;

/**
 * A tiny cursor over a statement: just enough grammar for the statements the gateway reads itself (the INSERT shape of
 * {@link InsertTargets}, {@link CopyStatement}). Everything else passes through to Trino unparsed.
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

    /** {@code $n} standing alone as the value (not inside an expression), else 0 with the cursor unmoved. */
    int bareParameter()
    {
        skipSpace();
        SqlScanner scanner = new SqlScanner(sql.substring(position));
        int number = scanner.atEnd() ? -1 : scanner.placeholderNumber();
        if (number <= 0) {
            return 0;
        }
        int end = position + 1 + Integer.toString(number).length();
        int next = end;
        while (next < sql.length() && Character.isWhitespace(sql.charAt(next))) {
            next++;
        }
        if (next < sql.length() && (sql.charAt(next) == ',' || sql.charAt(next) == ')')) {
            position = end;
            return number;
        }
        return 0;
    }

    /** Skips one value expression up to the next top-level ',' or ')'. */
    boolean skipExpression()
    {
        SqlScanner scanner = new SqlScanner(sql);
        int depth = 0;
        for (int i = 0; i < position; i++) {
            scanner.advance();
        }
        while (!scanner.atEnd()) {
            if (scanner.skipQuotedOrComment()) {
                continue;
            }
            char c = scanner.current();
            if ((c == ',' || c == ')') && depth == 0) {
                position = scanner.position();
                return true;
            }
            if (c == '(' || c == '[') {
                depth++;
            }
            else if (c == ')' || c == ']') {
                depth--;
            }
            scanner.advance();
        }
        return false;
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
