package io.timefusion.gateway.sql.rules;

import io.timefusion.contract.ConnectorFunctions;
import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code sum(x)}, also as a window function: Postgres sums integers into a bigint and bigints into a numeric, where
 * Trino keeps bigint for both. The translator does not know x's type, so x goes through the plugin's
 * {@code postgres_sum_argument}, whose overload Trino picks by x's type and which gives x in the type Postgres
 * adds it in.
 */
public final class SumRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (expression instanceof Function function && FunctionNames.is(function, "sum") && function.getParameters() != null && function.getParameters().size() == 1) {
            TrinoFunction sum = SyntaxNodes.copyInto(function, new TrinoFunction());
            sum.setParameters(new ExpressionList<>(new TrinoFunction(ConnectorFunctions.POSTGRES_SUM_ARGUMENT, function.getParameters().getFirst())));
            return Optional.of(sum);
        }
        if (expression instanceof AnalyticExpression window && window.getName().toLowerCase(Locale.ROOT).equals("sum") && window.getExpression() != null
                && !(window.getExpression() instanceof TrinoFunction)) {
            AnalyticExpression sum = SyntaxNodes.copyInto(window, new AnalyticExpression());
            sum.setExpression(new TrinoFunction(ConnectorFunctions.POSTGRES_SUM_ARGUMENT, window.getExpression()));
            return Optional.of(sum);
        }
        return Optional.empty();
    }
}
