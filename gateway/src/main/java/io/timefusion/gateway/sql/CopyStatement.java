package io.timefusion.gateway.sql;

import io.timefusion.gateway.copy.CopyException;
import io.timefusion.gateway.copy.CopyFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code COPY table [(column, …)] FROM STDIN [[WITH] (option [value], …)]}, also with the options of the pre-9.0
 * syntax psql still accepts in {@code \copy … csv header} ({@code BINARY}, {@code CSV}, {@code HEADER},
 * {@code DELIMITER [AS] 'c'}, {@code NULL [AS] 's'}, {@code QUOTE [AS] 'q'}, {@code ESCAPE [AS] 'e'}).
 * The gateway runs COPY itself: Trino has no COPY, and the rows must reach the same write path as INSERTs.
 *
 * @param columns empty when the statement names none
 */
public record CopyStatement(String table, List<String> columns, CopyFormat format)
{
    private static final List<String> LEGACY_OPTIONS = List.of("binary", "csv", "header", "delimiter", "null", "quote", "escape", "encoding");

    public CopyStatement
    {
        columns = List.copyOf(columns);
    }

    /** @throws CopyException (42601, 0A000, 22023) for a COPY the gateway cannot run, as Postgres would word it */
    public static CopyStatement parse(String sql)
    {
        SqlTokens tokens = new SqlTokens(sql);
        if (!tokens.keyword("COPY")) {
            throw syntaxError("expected COPY");
        }
        boolean legacyBinary = tokens.keyword("BINARY");
        String table = tokens.qualifiedName();
        if (table == null) {
            throw syntaxError("expected a table name after COPY");
        }
        List<String> columns = new ArrayList<>();
        if (tokens.symbol('(')) {
            do {
                String column = tokens.identifier();
                if (column == null) {
                    throw syntaxError("expected a column name in the column list of COPY");
                }
                columns.add(column);
            }
            while (tokens.symbol(','));
            if (!tokens.symbol(')')) {
                throw syntaxError("expected ')' after the column list of COPY");
            }
        }
        if (tokens.keyword("TO")) {
            throw new CopyException("0A000", "COPY TO is not supported; use SELECT");
        }
        if (!tokens.keyword("FROM")) {
            throw syntaxError("expected FROM STDIN");
        }
        if (!tokens.keyword("STDIN")) {
            throw new CopyException("0A000", "COPY FROM a file or program is not supported: the gateway reads only COPY FROM STDIN (psql \\copy)");
        }
        Map<String, Optional<String>> options = new LinkedHashMap<>();
        if (legacyBinary) {
            put(options, "format", Optional.of("binary"));
        }
        tokens.keyword("WITH");
        if (tokens.symbol('(')) {
            readOptionList(tokens, options);
        }
        else {
            readLegacyOptions(tokens, options);
        }
        if (!tokens.atEnd()) {
            throw syntaxError("unexpected text after the options of COPY");
        }
        return new CopyStatement(table, columns, CopyFormat.of(options));
    }

    private static void readOptionList(SqlTokens tokens, Map<String, Optional<String>> options)
    {
        do {
            String name = tokens.identifier();
            if (name == null) {
                throw syntaxError("expected an option name");
            }
            put(options, name, optionValue(tokens));
        }
        while (tokens.symbol(','));
        if (!tokens.symbol(')')) {
            throw syntaxError("expected ')' after the options of COPY");
        }
    }

    /** A string, or a word such as {@code csv} or {@code true}; absent when the option stands alone. */
    private static Optional<String> optionValue(SqlTokens tokens)
    {
        String literal = tokens.stringLiteral();
        if (literal != null) {
            return Optional.of(literal);
        }
        return Optional.ofNullable(tokens.identifier());
    }

    private static void readLegacyOptions(SqlTokens tokens, Map<String, Optional<String>> options)
    {
        while (!tokens.atEnd()) {
            String word = tokens.identifier();
            if (word == null || !LEGACY_OPTIONS.contains(word)) {
                throw syntaxError("unexpected text after FROM STDIN");
            }
            switch (word) {
                case "binary", "csv" -> put(options, "format", Optional.of(word));
                case "header" -> put(options, "header", Optional.empty());
                default -> {
                    tokens.keyword("AS");
                    String value = tokens.stringLiteral();
                    if (value == null) {
                        throw syntaxError("expected a string after " + word.toUpperCase(Locale.ROOT));
                    }
                    put(options, word, Optional.of(value));
                }
            }
        }
    }

    private static void put(Map<String, Optional<String>> options, String name, Optional<String> value)
    {
        if (options.putIfAbsent(name, value) != null) {
            throw new CopyException("42601", "conflicting or redundant options");
        }
    }

    private static CopyException syntaxError(String message)
    {
        return new CopyException("42601", "syntax error in COPY: " + message);
    }
}
