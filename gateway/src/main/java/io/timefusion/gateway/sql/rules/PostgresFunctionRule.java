package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.NamedExpressionList;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Postgres functions whose Trino counterpart has another name or other semantics. Functions not named here
 * keep their name (most common ones — count, sum, lower, date_trunc, now, chr, array_agg, greatest, … — mean
 * the same in Trino). Set-returning functions in the select list and unknown pg_* functions are refused.
 */
public final class PostgresFunctionRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function)) {
            return Optional.empty();
        }
        List<Expression> arguments = FunctionArguments.of(function);
        String name = FunctionNames.of(function);
        return switch (name) {
            case "string_to_array" -> arguments.size() == 2 ? Optional.of(Templates.expand("split({0}, {1})", arguments.get(0), arguments.get(1))) : unsupported(name, arguments);
            case "array_to_string" -> arguments.size() == 2 ? Optional.of(Templates.expand("array_join({0}, {1})", arguments.get(0), arguments.get(1))) : unsupported(name, arguments);
            // Postgres has no length for an empty array, and counts in integer
            case "array_length" -> arguments.size() == 2 ? Optional.of(Templates.expand("CAST(NULLIF(cardinality({0}), 0) AS integer)", arguments.get(0))) : unsupported(name, arguments);
            case "cardinality" -> Optional.empty();
            // Postgres reads a NULL array as an empty one here, and appends a NULL element as one
            case "array_append" -> arguments.size() == 2 ? Optional.of(Templates.expand("concat(coalesce({0}, ARRAY[]), ARRAY[{1}])", arguments.get(0), arguments.get(1))) : unsupported(name, arguments);
            case "array_prepend" -> arguments.size() == 2 ? Optional.of(Templates.expand("concat(ARRAY[{0}], coalesce({1}, ARRAY[]))", arguments.get(0), arguments.get(1))) : unsupported(name, arguments);
            case "array_cat" -> arguments.size() == 2
                    ? Optional.of(Templates.expand("IF({0} IS NULL AND {1} IS NULL, NULL, concat(coalesce({0}, ARRAY[]), coalesce({1}, ARRAY[])))", arguments.get(0), arguments.get(1)))
                    : unsupported(name, arguments);
            case "string_agg" -> arguments.size() == 2 ? Optional.of(stringAgg(function, arguments)) : unsupported(name, arguments);
            // Trino has only length (characters); Postgres counts in integer, an empty text's first character is 0
            case "position" -> position(function);
            case "char_length", "character_length" -> arguments.size() == 1 ? Optional.of(Templates.expand("CAST(length({0}) AS integer)", arguments.get(0))) : unsupported(name, arguments);
            case "octet_length" -> arguments.size() == 1 ? Optional.of(Templates.expand("CAST(length(to_utf8({0})) AS integer)", arguments.get(0))) : unsupported(name, arguments);
            case "bit_length" -> arguments.size() == 1 ? Optional.of(Templates.expand("CAST(8 * length(to_utf8({0})) AS integer)", arguments.get(0))) : unsupported(name, arguments);
            case "ascii" -> arguments.size() == 1
                    ? Optional.of(Templates.expand("IF(length({0}) = 0, 0, codepoint(CAST(substr({0}, 1, 1) AS varchar(1))))", arguments.get(0)))
                    : unsupported(name, arguments);
            case "btrim" -> arguments.size() == 1 ? Optional.of(Templates.expand("trim({0})", arguments.get(0))) : unsupported(name, arguments);
            // a negative count means all but that many characters, at the other end (Trino's substr refuses a negative length)
            case "left" -> arguments.size() == 2
                    ? Optional.of(Templates.expand("substr({0}, 1, IF({1} < 0, greatest(length({0}) + {1}, 0), {1}))", arguments.get(0), arguments.get(1)))
                    : unsupported(name, arguments);
            // right is a reserved word in Trino, and has no function of that name
            case "right" -> arguments.size() == 2
                    ? Optional.of(Templates.expand("substr({0}, IF({1} < 0, 1 - {1}, greatest(length({0}) - {1} + 1, 1)))", arguments.get(0), arguments.get(1)))
                    : unsupported(name, arguments);
            // Postgres' concat skips NULLs and writes any value as text; Trino's is NULL when one argument is
            case "concat" -> arguments.isEmpty() ? unsupported(name, arguments) : Optional.of(concat(arguments));
            // Trino has no typeof for JSON: the first character of the canonical text tells (a SQL NULL stays NULL)
            case "jsonb_typeof", "json_typeof" -> arguments.size() == 1 ? Optional.of(Templates.expand(
                    "CASE WHEN {0} IS NULL THEN NULL ELSE CASE substr(json_format(CAST({0} AS json)), 1, 1) WHEN '{' THEN 'object' WHEN '[' THEN 'array' WHEN '\"' THEN 'string' WHEN 't' THEN 'boolean' WHEN 'f' THEN 'boolean' WHEN 'n' THEN 'null' ELSE 'number' END END",
                    arguments.getFirst())) : unsupported(name, arguments);
            case "jsonb_build_array", "json_build_array" -> Optional.of(jsonArray(arguments));
            case "to_jsonb", "to_json" -> arguments.size() == 1 ? Optional.of(toJson(arguments.getFirst())) : unsupported(name, arguments);
            case "regexp_replace" -> regexpReplace(arguments);
            case "unnest", "generate_series", "jsonb_array_elements", "json_array_elements", "jsonb_each", "json_each", "regexp_matches" ->
                    throw new UnsupportedStatementException("set-returning function %s in an expression is not supported; use it in FROM".formatted(name));
            default -> name.startsWith("pg_") ? unsupported(name, arguments) : Optional.empty();
        };
    }

    // Trino has no string_agg: the values are aggregated (in the ORDER BY given) and joined, skipping NULLs as
    // Postgres does; with no value to join Postgres answers NULL, not ''
    private static Expression stringAgg(Function function, List<Expression> arguments)
    {
        Function values = new Function("array_agg", arguments.get(0));
        values.setDistinct(function.isDistinct());
        values.setOrderByElements(function.getOrderByElements());
        return Templates.expand("CASE WHEN count({0}) > 0 THEN array_join({1}, {2}) END", arguments.get(0), values, arguments.get(1));
    }

    private static Expression concat(List<Expression> arguments)
    {
        String parts = IntStream.range(0, arguments.size()).mapToObj(i -> "coalesce(CAST({" + i + "} AS varchar), '')").collect(Collectors.joining(", "));
        return Templates.expand(arguments.size() == 1 ? parts : "concat(" + parts + ")", arguments.toArray(Expression[]::new));
    }

    private static Expression jsonArray(List<Expression> arguments)
    {
        String elements = IntStream.range(0, arguments.size()).mapToObj(i -> "{" + i + "}").collect(Collectors.joining(", "));
        return Templates.expand(arguments.isEmpty() ? "json_parse('[]')" : "CAST(ARRAY[" + elements + "] AS json)", arguments.stream().map(PostgresFunctionRule::toJson).toArray(Expression[]::new));
    }

    // text becomes a JSON string; a literal is written as one, since a cast of literal text to json is read as a JSON document
    private static Expression toJson(Expression value)
    {
        if (value instanceof StringValue text) {
            String json = "\"" + text.getValue().replace("''", "'").replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            return Templates.expand("json_parse({0})", new StringValue(json.replace("'", "''")));
        }
        return Templates.expand("CAST({0} AS json)", value);
    }

    /**
     * Postgres replaces the first match unless flag g is given (Trino's regexp_replace replaces every match), writes
     * back-references as \1 and the whole match as \&, and flag i ignores case. The first match is replaced by matching
     * the shortest prefix before it as group 1 and the match as group 2, so the pattern's own groups move up by two.
     */
    private static Optional<Expression> regexpReplace(List<Expression> arguments)
    {
        String flags = arguments.size() == 4 && arguments.get(3) instanceof StringValue text ? text.getValue() : arguments.size() == 3 ? "" : null;
        if (flags == null || !flags.matches("[gi]*") || arguments.size() < 3
                || !(arguments.get(1) instanceof StringValue pattern) || !(arguments.get(2) instanceof StringValue replacement)) {
            throw new UnsupportedStatementException("regexp_replace is supported with a literal pattern and replacement and flags g and i only");
        }
        String caseFlag = flags.contains("i") ? "(?i)" : "";
        String escapedReplacement = replacement.getValue().replace("$", "\\$");
        if (flags.contains("g")) {
            String trinoReplacement = escapedReplacement.replaceAll("\\\\(\\d)", "\\$$1").replace("\\&", "$0");
            return Optional.of(Templates.expand("regexp_replace({0}, {1}, {2})", arguments.get(0), new StringValue(caseFlag + pattern.getValue()), new StringValue(trinoReplacement)));
        }
        Matcher reference = Pattern.compile("\\\\(\\d|&)").matcher(escapedReplacement);
        StringBuilder shifted = new StringBuilder("$1");
        while (reference.find()) {
            String group = reference.group(1).equals("&") ? "2" : Integer.toString(Integer.parseInt(reference.group(1)) + 2);
            reference.appendReplacement(shifted, Matcher.quoteReplacement("$" + group));
        }
        reference.appendTail(shifted);
        return Optional.of(Templates.expand("regexp_replace({0}, {1}, {2})", arguments.get(0), new StringValue("(?s)" + caseFlag + "^(.*?)(" + pattern.getValue() + ")"), new StringValue(shifted.toString())));
    }

    private static Optional<Expression> unsupported(String name, List<Expression> arguments)
    {
        throw new UnsupportedStatementException("function %s(%s) is not supported".formatted(name, arguments.isEmpty() ? "" : "…"));
    }

    /** {@code position(a IN b)}, which JSqlParser reads as named parameters ("", "IN"): Trino's position answers bigint, Postgres' integer. */
    private static Optional<Expression> position(Function function)
    {
        NamedExpressionList<?> named = function.getNamedParameters();
        if (named == null || named.size() != 2 || !"IN".equalsIgnoreCase(named.getNames().get(1))) {
            return Optional.empty();
        }
        return Optional.of(Templates.expand("CAST(strpos({0}, {1}) AS integer)", (Expression) named.get(1), (Expression) named.get(0)));
    }
}
