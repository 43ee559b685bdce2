package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;

import java.util.Optional;

/**
 * {@code round(x::numeric, n)}: Postgres answers a numeric with exactly n decimals (1.23, not 1.230000000), so
 * the rounded value is cast to decimal with scale n. Other round calls are the same in Trino.
 */
public final class RoundRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function) || !FunctionNames.is(function, "round") || function.getParameters() == null || function.getParameters().size() != 2) {
            return Optional.empty();
        }
        if (!(function.getParameters().get(0) instanceof CastExpression cast) || cast.getColDataType() == null || TrinoTypeName.isTrinoCast(cast)
                || !PostgresTypes.baseName(cast.getColDataType()).matches("numeric|decimal")
                || !(function.getParameters().get(1) instanceof LongValue scale) || scale.getValue() < 0 || scale.getValue() > 18) {
            return Optional.empty();
        }
        Expression exact = CastRule.cast(cast.getLeftExpression(), PostgresTypes.trino(cast.getColDataType()));
        return Optional.of(Templates.expand("CAST(round({0}, {1}) AS decimal(38, " + scale.getValue() + "))", exact, scale));
    }
}
