package io.timefusion.gateway.ingest;

import io.timefusion.gateway.sql.EscapeStrings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the one INSERT shape that carries rows in bulk as SQL text, {@code INSERT INTO t [(c, …)] VALUES (…), …} whose
 * cells are literals ({@code NULL}, true/false, numbers, {@code '…'}, {@code E'…'}, {@code TIMESTAMP '…'},
 * {@code DATE '…'}, {@code ARRAY[…]} of those, each with optional {@code ::type} casts) or {@code $n}, into the same
 * {@link IngestInsert} that {@link InsertParser} builds; anything else is left to InsertParser.
 *
 * <p>Why a scanner of our own beside JSqlParser: clients that write literal SQL (psycopg2's {@code execute} and
 * {@code execute_values}, most ORMs) send a new text with every statement, so the parse cannot be cached, and
 * JSqlParser's generated parser, which looks ahead at every token, spent 90 % of the gateway's CPU on 100-row
 * INSERTs (profiled: ~3,000 rows/s on 2 cores). This reads such a statement in one pass.
 */
final class ValuesInsertScanner
{
    private final String sql;
    private int position;

    private ValuesInsertScanner(String sql)
    {
        this.sql = sql;
    }

    static Optional<IngestInsert> scan(String sql)
    {
        try {
            return Optional.of(new ValuesInsertScanner(sql).insert());
        }
        catch (NotThisShape e) {
            return Optional.empty();
        }
    }

    private IngestInsert insert()
    {
        keyword("insert");
        keyword("into");
        String name = identifier();
        skipSpace();
        if (peek('.')) {
            position++;
            if (!name.equals("public")) {
                throw new NotThisShape();
            }
            name = identifier();
        }
        if (!IngestTables.isIngestTable(name)) {
            throw new NotThisShape();
        }
        Optional<List<String>> columns = Optional.empty();
        skipSpace();
        if (peek('(')) {
            position++;
            List<String> names = new ArrayList<>();
            do {
                names.add(identifier());
            }
            while (comma());
            expect(')');
            columns = Optional.of(names);
        }
        keyword("values");
        List<List<InsertCell>> rows = new ArrayList<>();
        do {
            expect('(');
            List<InsertCell> cells = new ArrayList<>();
            do {
                cells.add(cell());
            }
            while (comma());
            expect(')');
            rows.add(cells);
        }
        while (comma());
        skipSpace();
        if (peek(';')) {
            position++;
            skipSpace();
        }
        if (position != sql.length()) {
            throw new NotThisShape();
        }
        return new IngestInsert(name, columns, rows, false);
    }

    private InsertCell cell()
    {
        InsertCell cell = castless();
        // the column's type decides how a value is read, as Postgres' assignment cast would: casts are dropped
        while (peekCast()) {
            position += 2;
            typeName();
        }
        return cell;
    }

    private InsertCell castless()
    {
        skipSpace();
        if (position >= sql.length()) {
            throw new NotThisShape();
        }
        char first = sql.charAt(position);
        if (first == '\'') {
            return new InsertCell.Text(quoted());
        }
        if ((first == 'E' || first == 'e') && position + 1 < sql.length() && sql.charAt(position + 1) == '\'') {
            position++;
            return new InsertCell.Text(EscapeStrings.unescape(quotedBody()));
        }
        if (first == '$') {
            position++;
            int start = position;
            while (position < sql.length() && Character.isDigit(sql.charAt(position))) {
                position++;
            }
            if (start == position || position - start > 6) {
                throw new NotThisShape();
            }
            return new InsertCell.Parameter(Integer.parseInt(sql, start, position, 10));
        }
        if (first == '-' || first == '+' || first == '.' || Character.isDigit(first)) {
            return new InsertCell.Value(number());
        }
        if (isIdentifierStart(first)) {
            String word = word();
            return switch (word) {
                case "null" -> new InsertCell.Value(null);
                case "true" -> new InsertCell.Value(true);
                case "false" -> new InsertCell.Value(false);
                case "timestamp", "date" -> {
                    skipSpace();
                    yield new InsertCell.Text(quoted());
                }
                case "array" -> array();
                default -> throw new NotThisShape();
            };
        }
        throw new NotThisShape();
    }

    private InsertCell array()
    {
        skipSpace();
        expect('[');
        List<InsertCell> elements = new ArrayList<>();
        skipSpace();
        if (!peek(']')) {
            do {
                InsertCell element = cell();
                if (element instanceof InsertCell.Array) {
                    throw new NotThisShape();
                }
                elements.add(element);
            }
            while (comma());
        }
        expect(']');
        return new InsertCell.Array(elements);
    }

    /**
     * A number as InsertParser reads it: a sign, digits, a fraction. An exponent is left to InsertParser, whose
     * reading of it (through a double) is the one to keep.
     */
    private BigDecimal number()
    {
        int start = position;
        if (sql.charAt(position) == '-' || sql.charAt(position) == '+') {
            position++;
        }
        while (position < sql.length() && (Character.isDigit(sql.charAt(position)) || sql.charAt(position) == '.')) {
            position++;
        }
        if (position < sql.length() && (isIdentifierPart(sql.charAt(position)) || sql.charAt(position) == '.')) {
            throw new NotThisShape();
        }
        try {
            return new BigDecimal(sql.substring(start, position));
        }
        catch (NumberFormatException e) {
            throw new NotThisShape();
        }
    }

    /** A type after {@code ::}: words (with a schema), a length or precision, array brackets. */
    private void typeName()
    {
        skipSpace();
        word();
        while (true) {
            skipSpace();
            if (peek('.')) {
                position++;
                word();
            }
            else if (peek('(')) {
                while (position < sql.length() && sql.charAt(position) != ')') {
                    char c = sql.charAt(position);
                    if (!(Character.isDigit(c) || c == ',' || c == ' ' || c == '(')) {
                        throw new NotThisShape();
                    }
                    position++;
                }
                expect(')');
            }
            else if (peek('[')) {
                position++;
                expect(']');
            }
            else if (position < sql.length() && isIdentifierStart(sql.charAt(position))) {
                // double precision, timestamp with time zone, character varying
                word();
            }
            else {
                return;
            }
        }
    }

    private String quoted()
    {
        return quotedBody().replace("''", "'");
    }

    /** The characters between the quotes, a doubled quote kept as it is. */
    private String quotedBody()
    {
        if (!peek('\'')) {
            throw new NotThisShape();
        }
        int start = ++position;
        while (true) {
            int quote = sql.indexOf('\'', position);
            if (quote < 0) {
                throw new NotThisShape();
            }
            if (quote + 1 < sql.length() && sql.charAt(quote + 1) == '\'') {
                position = quote + 2;
                continue;
            }
            position = quote + 1;
            return sql.substring(start, quote);
        }
    }

    private String identifier()
    {
        skipSpace();
        if (peek('"')) {
            int start = ++position;
            StringBuilder name = new StringBuilder();
            while (true) {
                int quote = sql.indexOf('"', position);
                if (quote < 0) {
                    throw new NotThisShape();
                }
                name.append(sql, position, quote);
                if (quote + 1 < sql.length() && sql.charAt(quote + 1) == '"') {
                    name.append('"');
                    position = quote + 2;
                    continue;
                }
                position = quote + 1;
                if (quote == start) {
                    throw new NotThisShape();
                }
                return name.toString();
            }
        }
        return word();
    }

    /** An unquoted word, folded to lower case as Postgres folds identifiers and keywords. */
    private String word()
    {
        skipSpace();
        int start = position;
        if (position >= sql.length() || !isIdentifierStart(sql.charAt(position))) {
            throw new NotThisShape();
        }
        while (position < sql.length() && isIdentifierPart(sql.charAt(position))) {
            position++;
        }
        return sql.substring(start, position).toLowerCase(Locale.ROOT);
    }

    private void keyword(String keyword)
    {
        if (!word().equals(keyword)) {
            throw new NotThisShape();
        }
    }

    private boolean comma()
    {
        skipSpace();
        if (peek(',')) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c)
    {
        skipSpace();
        if (!peek(c)) {
            throw new NotThisShape();
        }
        position++;
    }

    private boolean peek(char c)
    {
        return position < sql.length() && sql.charAt(position) == c;
    }

    private boolean peekCast()
    {
        skipSpace();
        return position + 1 < sql.length() && sql.charAt(position) == ':' && sql.charAt(position + 1) == ':';
    }

    /** Blanks and comments; a statement with a comment inside a token is not this shape. */
    private void skipSpace()
    {
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            }
            else if (sql.startsWith("--", position)) {
                int end = sql.indexOf('\n', position);
                position = end < 0 ? sql.length() : end + 1;
            }
            else if (sql.startsWith("/*", position)) {
                // Postgres nests block comments; this scanner does not count them
                int end = sql.indexOf("*/", position + 2);
                if (end < 0 || sql.substring(position + 2, end).contains("/*")) {
                    throw new NotThisShape();
                }
                position = end + 2;
            }
            else {
                return;
            }
        }
    }

    private static boolean isIdentifierStart(char c)
    {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c)
    {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Anything but the shape read here: the statement goes to InsertParser. */
    private static final class NotThisShape
            extends RuntimeException
    {
        NotThisShape()
        {
            super(null, null, false, false);
        }
    }
}
