package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ContainedBy;
import net.sf.jsqlparser.expression.operators.relational.Contains;
import net.sf.jsqlparser.expression.operators.relational.DoubleAnd;
import net.sf.jsqlparser.expression.operators.relational.JsonOperator;

import java.util.Optional;

/**
 * The array operators: {@code a @> b} (a contains every element of b), {@code a <@ b} and {@code a && b} (they
 * share an element). Containment of JSON documents ({@code jsonb @> jsonb}) has no Trino equivalent and is refused.
 */
public final class ArrayOperatorRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        return switch (expression) {
            case DoubleAnd overlap -> Optional.of(Templates.expand("arrays_overlap({0}, {1})", ArrayLiterals.untyped(overlap.getLeftExpression()), ArrayLiterals.untyped(overlap.getRightExpression())));
            case Contains contains -> Optional.of(containment(contains, contains.getLeftExpression(), contains.getRightExpression()));
            case ContainedBy containedBy -> Optional.of(containment(containedBy, containedBy.getRightExpression(), containedBy.getLeftExpression()));
            case JsonOperator operator when operator.getStringExpression().equals("@>") -> Optional.of(containment(operator, operator.getLeftExpression(), operator.getRightExpression()));
            case JsonOperator operator when operator.getStringExpression().equals("<@") -> Optional.of(containment(operator, operator.getRightExpression(), operator.getLeftExpression()));
            default -> Optional.empty();
        };
    }

    private static Expression containment(BinaryExpression operator, Expression container, Expression contained)
    {
        if (isJson(container) || isJson(contained)) {
            throw new UnsupportedStatementException("operator %s on jsonb is not supported".formatted(operator.getStringExpression()));
        }
        return Templates.expand("cardinality(array_except({1}, {0})) = 0", ArrayLiterals.untyped(container), ArrayLiterals.untyped(contained));
    }

    // a JSON document is a jsonb cast, or text that is an object or array ('{a,b}' is an array literal: no colon)
    private static boolean isJson(Expression expression)
    {
        return expression instanceof StringValue text && (text.getValue().strip().startsWith("[") || text.getValue().strip().startsWith("{") && text.getValue().contains(":"))
                || expression instanceof CastExpression cast && cast.getColDataType() != null && PostgresTypes.baseName(cast.getColDataType()).startsWith("json");
    }
}
