package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON operators {@code -> ->> #> #>>} become json_extract with a JSON path built from the keys and indexes.
 * The text-returning ones give a scalar as text and an object or array as its JSON text (not NULL, as
 * json_extract_scalar alone would), and JSON null as SQL NULL, as Postgres does.
 */
public final class JsonArrowRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof JsonExpression json)) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder("$");
        List<Map.Entry<Expression, String>> steps = flattened(json.getIdentList());
        for (int i = 0; i < steps.size(); i++) {
            String operator = steps.get(i).getValue();
            Expression key = steps.get(i).getKey();
            boolean last = i == steps.size() - 1;
            if (!last && (operator.equals("->>") || operator.equals("#>>"))) {
                throw new UnsupportedStatementException("operator %s in the middle of a JSON path is not supported".formatted(operator));
            }
            switch (operator) {
                case "->", "->>" -> path.append(step(key));
                case "#>", "#>>" -> path.append(pathSteps(key));
                default -> throw new UnsupportedStatementException("JSON operator %s is not supported".formatted(operator));
            }
        }
        String finalOperator = steps.getLast().getValue();
        String jsonPath = path.toString().replace("'", "''");
        if (finalOperator.equals("->") || finalOperator.equals("#>")) {
            return Optional.of(Templates.expand("json_extract({0}, '" + jsonPath + "')", json.getExpression()));
        }
        return Optional.of(Templates.expand(
                "COALESCE(json_extract_scalar({0}, '" + jsonPath + "'), NULLIF(json_format(json_extract({0}, '" + jsonPath + "')), 'null'))", json.getExpression()));
    }

    // JSqlParser nests a chain x -> 'a' -> 0 as x -> ('a' -> 0)
    private static List<Map.Entry<Expression, String>> flattened(List<Map.Entry<Expression, String>> steps)
    {
        List<Map.Entry<Expression, String>> flat = new ArrayList<>();
        for (Map.Entry<Expression, String> step : steps) {
            if (step.getKey() instanceof JsonExpression nested) {
                flat.add(Map.entry(nested.getExpression(), step.getValue()));
                flat.addAll(flattened(nested.getIdentList()));
            }
            else {
                flat.add(step);
            }
        }
        return flat;
    }

    private static String step(Expression key)
    {
        return switch (key) {
            case StringValue text -> "[\"" + text.getValue().replace("''", "'").replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
            case LongValue index when index.getValue() >= 0 -> "[" + index.getValue() + "]";
            default -> throw new UnsupportedStatementException("JSON key %s is not supported: write a string or a non-negative integer literal".formatted(key));
        };
    }

    private static String pathSteps(Expression key)
    {
        if (!(key instanceof StringValue text) || !text.getValue().startsWith("{") || !text.getValue().endsWith("}")) {
            throw new UnsupportedStatementException("JSON path %s is not supported: write a text array literal such as '{a,0}'".formatted(key));
        }
        StringBuilder steps = new StringBuilder();
        String body = text.getValue().substring(1, text.getValue().length() - 1);
        if (body.isBlank()) {
            return "";
        }
        for (String element : body.split(",")) {
            String name = element.strip();
            steps.append(name.matches("\\d+") ? "[" + name + "]" : step(new StringValue(name.replaceAll("^\"|\"$", ""))));
        }
        return steps.toString();
    }
}
