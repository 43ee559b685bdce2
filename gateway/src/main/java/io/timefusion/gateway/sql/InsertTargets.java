package io.timefusion.gateway.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * For {@code INSERT INTO table (c1, …, cn) VALUES ($1, …), (…)}: which column each placeholder fills. Trino cannot
 * infer the type of a parameter inside VALUES (DESCRIBE INPUT says "unknown"), but the column's type is the type
 * the value must have, as in Postgres.
 */
public record InsertTargets(String table, Map<Integer, String> columnByPlaceholder)
{
    public static Optional<InsertTargets> of(String sql)
    {
        Tokens tokens = new Tokens(sql);
        if (!tokens.keyword("INSERT") || !tokens.keyword("INTO")) {
            return Optional.empty();
        }
        String table = tokens.qualifiedName();
        if (table == null || !tokens.symbol('(')) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        do {
            String column = tokens.identifier();
            if (column == null) {
                return Optional.empty();
            }
            columns.add(column);
        }
        while (tokens.symbol(','));
        if (!tokens.symbol(')') || !tokens.keyword("VALUES")) {
            return Optional.empty();
        }
        Map<Integer, String> targets = new HashMap<>();
        do {
            if (!tokens.symbol('(')) {
                return Optional.empty();
            }
            for (int index = 0; index < columns.size(); index++) {
                if (index > 0 && !tokens.symbol(',')) {
                    return Optional.empty();
                }
                int placeholder = tokens.bareParameter();
                if (placeholder > 0) {
                    targets.put(placeholder, columns.get(index));
                }
                else if (!tokens.skipExpression()) {
                    return Optional.empty();
                }
            }
            if (!tokens.symbol(')')) {
                return Optional.empty();
            }
        }
        while (tokens.symbol(','));
        return Optional.of(new InsertTargets(table, Map.copyOf(targets)));
    }

    /** A tiny cursor over the statement: just enough grammar for the INSERT shape above. */
    private static final class Tokens
    {
        private final String sql;
        private int position;

        Tokens(String sql)
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

        private void skipSpace()
        {
            while (position < sql.length() && Character.isWhitespace(sql.charAt(position))) {
                position++;
            }
        }
    }
}
