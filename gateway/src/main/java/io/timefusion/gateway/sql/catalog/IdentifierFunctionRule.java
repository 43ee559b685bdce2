package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.SqlLiterals;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import io.timefusion.gateway.sql.rules.FunctionNames;
import io.timefusion.gateway.sql.rules.TranslationRule;
import io.timefusion.gateway.sql.rules.FunctionArguments;
import io.timefusion.gateway.sql.rules.Templates;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.timefusion.gateway.sql.catalog.CatalogExpressions.stringLiteral;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * {@code quote_ident(text)} and {@code parse_ident(text)}, which Grafana's table and column pickers use.
 * quote_ident quotes what is not a plain lower-case identifier or is a keyword Postgres 15 does not accept
 * unquoted (the list in quoted_keywords.txt is Postgres' own); parse_ident is evaluated here, and only for a literal.
 */
public final class IdentifierFunctionRule
        implements TranslationRule
{
    private static final String KEYWORDS = loadKeywords();

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function)) {
            return Optional.empty();
        }
        List<Expression> arguments = FunctionArguments.of(function);
        return switch (FunctionNames.of(function)) {
            case "quote_ident" -> Optional.of(Templates.expand("CASE WHEN regexp_like({0}, '^[a-z_][a-z0-9_$]*$') AND NOT {0} IN (" + KEYWORDS + ") THEN {0}"
                    + " ELSE '\"' || replace({0}, '\"', '\"\"') || '\"' END", arguments.getFirst()));
            case "parse_ident" -> Optional.of(parseIdent(arguments.getFirst()));
            default -> Optional.empty();
        };
    }

    private static Expression parseIdent(Expression argument)
    {
        String text = stringLiteral(argument)
                .orElseThrow(() -> new UnsupportedStatementException("parse_ident is supported for a string literal only"));
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i <= text.length()) {
            StringBuilder part = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                int end = i + 1;
                while (end < text.length() && !(text.charAt(end) == '"' && (end + 1 >= text.length() || text.charAt(end + 1) != '"'))) {
                    part.append(text.charAt(end));
                    end += text.charAt(end) == '"' ? 2 : 1;
                }
                i = end + 1;
                parts.add(part.toString());
            }
            else {
                int end = text.indexOf('.', i);
                end = end < 0 ? text.length() : end;
                parts.add(text.substring(i, end).strip().toLowerCase(Locale.ROOT));
                i = end;
            }
            if (i < text.length() && text.charAt(i) != '.') {
                throw new UnsupportedStatementException("string is not a valid identifier: \"%s\"".formatted(text));
            }
            i++;
        }
        return Templates.expand(parts.stream().map(SqlLiterals::string).collect(Collectors.joining(", ", "ARRAY[", "]")));
    }

    private static String loadKeywords()
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                requireNonNull(IdentifierFunctionRule.class.getResourceAsStream("quoted_keywords.txt"), "quoted_keywords.txt is missing"), UTF_8))) {
            return reader.lines().filter(line -> !line.startsWith("#")).map(SqlLiterals::string).collect(Collectors.joining(", "));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
