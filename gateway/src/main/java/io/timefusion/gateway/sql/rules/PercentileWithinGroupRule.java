package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.OrderByElement;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code percentile_cont(f)}/{@code percentile_disc(f) WITHIN GROUP (ORDER BY x)}, exactly as Postgres computes
 * them: Trino's approx_percentile is an estimate, so the group's non-null values are collected and sorted, and
 * the percentile is read from the sorted array (interpolated between neighbours for percentile_cont, the first
 * value whose position reaches f for percentile_disc). The array costs memory per group, as Postgres' sort does.
 */
public final class PercentileWithinGroupRule
        implements TranslationRule
{
    private static final String SORTED = "array_sort(filter(array_agg({1}), v -> v IS NOT NULL))";

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof AnalyticExpression analytic) || analytic.getType() != AnalyticType.WITHIN_GROUP) {
            return Optional.empty();
        }
        String name = analytic.getName().toLowerCase(Locale.ROOT);
        if (analytic.getOrderByElements() == null || analytic.getOrderByElements().size() != 1) {
            throw new UnsupportedStatementException("%s WITHIN GROUP needs exactly one ORDER BY expression".formatted(name));
        }
        OrderByElement order = analytic.getOrderByElements().getFirst();
        // descending order reads the percentile from the other end
        String fraction = order.isAsc() ? "{0}" : "(1 - {0})";
        String template = switch (name) {
            case "percentile_cont" -> "element_at(transform(ARRAY[" + SORTED.replace("{1}", "CAST({1} AS double)") + "], a -> IF(cardinality(a) = 0, NULL, "
                    + "element_at(a, CAST(floor(1 + " + fraction + " * (cardinality(a) - 1)) AS bigint)) + (1 + " + fraction + " * (cardinality(a) - 1) - floor(1 + " + fraction + " * (cardinality(a) - 1))) "
                    + "* (element_at(a, CAST(ceiling(1 + " + fraction + " * (cardinality(a) - 1)) AS bigint)) - element_at(a, CAST(floor(1 + " + fraction + " * (cardinality(a) - 1)) AS bigint))))), 1)";
            case "percentile_disc" -> "element_at(transform(ARRAY[" + SORTED + "], a -> IF(cardinality(a) = 0, NULL, "
                    + "element_at(a, greatest(1, CAST(ceiling(" + fraction + " * cardinality(a)) AS bigint))))), 1)";
            default -> throw new UnsupportedStatementException("%s WITHIN GROUP is not supported".formatted(name));
        };
        if (analytic.getFilterExpression() != null || analytic.getPartitionExpressionList() != null && !analytic.getPartitionExpressionList().isEmpty()) {
            throw new UnsupportedStatementException("%s WITHIN GROUP with FILTER or OVER is not supported".formatted(name));
        }
        return Optional.of(Templates.expand(template, analytic.getExpression(), order.getExpression()));
    }
}
