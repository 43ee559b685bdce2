package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;

import java.util.Optional;

/**
 * {@code x = ANY(array)} becomes {@code contains(array, x)} and {@code x <> ALL(array)} its negation: Trino's ANY
 * and ALL take only a subquery (JSqlParser reads the array form as a call of a function named ANY). Both keep
 * Postgres' answer for NULL elements: NULL when x is not found among non-null elements.
 */
public final class AnyArrayRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof ComparisonOperator comparison) || !(comparison.getRightExpression() instanceof Function quantifier)) {
            return Optional.empty();
        }
        String name = FunctionNames.of(quantifier);
        if (!name.equals("any") && !name.equals("some") && !name.equals("all")) {
            return Optional.empty();
        }
        if (quantifier.getParameters() == null || quantifier.getParameters().size() != 1) {
            throw new UnsupportedStatementException("%s with %s arguments is not supported".formatted(name.toUpperCase(), quantifier.getParameters() == null ? 0 : quantifier.getParameters().size()));
        }
        Expression array = ArrayLiterals.untyped(quantifier.getParameters().get(0));
        Function contains = new Function("contains", array, comparison.getLeftExpression());
        if (comparison instanceof EqualsTo && !name.equals("all")) {
            return Optional.of(contains);
        }
        if (comparison instanceof NotEqualsTo && name.equals("all")) {
            return Optional.of(new NotExpression(contains));
        }
        throw new UnsupportedStatementException("operator %s %s(array) is not supported".formatted(comparison.getStringExpression(), name.toUpperCase()));
    }
}
