package io.timefusion.gateway.sql.rules;

import io.timefusion.contract.ConnectorFunctions;
import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;

import java.util.Optional;
import java.util.Set;

/**
 * A quotient of aggregates, {@code sum(duration) / count(*)}: Postgres' sum of bigints is a numeric, and numeric
 * quotients keep at least 16 significant digits, where Trino divides the decimal(38, 0) sum by the bigint count at
 * scale 0 (10 / 3 is 3). The division goes through the plugin's {@code postgres_divide}, whose overload Trino picks by
 * the operands' types: decimals at scale 16, integers as integers, floating point as floating point.
 */
public final class AggregateDivisionRule
        implements TranslationRule
{
    private static final Set<String> AGGREGATES = Set.of("sum", "count");

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (expression instanceof Division division && (isAggregate(division.getLeftExpression()) || isAggregate(division.getRightExpression()))) {
            return Optional.of(new TrinoFunction(ConnectorFunctions.POSTGRES_DIVIDE, division.getLeftExpression(), division.getRightExpression()));
        }
        return Optional.empty();
    }

    private static boolean isAggregate(Expression expression)
    {
        return expression instanceof Function function && AGGREGATES.contains(FunctionNames.of(function));
    }
}
