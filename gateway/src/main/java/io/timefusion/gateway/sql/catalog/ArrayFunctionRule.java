package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import io.timefusion.gateway.sql.rules.FunctionNames;
import io.timefusion.gateway.sql.rules.TranslationRule;
import io.timefusion.gateway.sql.rules.FunctionArguments;
import io.timefusion.gateway.sql.rules.Templates;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


/**
 * The array functions of the catalog queries. Postgres arrays there are one-dimensional with lower bound 1, so a
 * dimension's bounds follow from the cardinality (and are NULL for an empty array, as in Postgres);
 * {@code ARRAY(subquery)} is the subquery's rows aggregated in its order, and an empty array when it has none.
 */
public final class ArrayFunctionRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function)) {
            return Optional.empty();
        }
        List<Expression> arguments = FunctionArguments.of(function);
        return switch (FunctionNames.of(function)) {
            case "array" -> Optional.of(arrayOfSubquery(function));
            case "array_upper" -> Optional.of(Templates.expand("NULLIF(CAST(cardinality({0}) AS integer), 0)", firstDimensionOf(function, arguments)));
            case "array_lower" -> Optional.of(Templates.expand("CASE WHEN CAST(cardinality({0}) AS integer) > 0 THEN 1 END", firstDimensionOf(function, arguments)));
            default -> Optional.empty();
        };
    }

    private static Expression firstDimensionOf(Function function, List<Expression> arguments)
    {
        if (arguments.size() != 2 || !(arguments.get(1) instanceof LongValue dimension) || dimension.getValue() != 1) {
            throw new UnsupportedStatementException(FunctionNames.of(function) + " is supported for dimension 1 only");
        }
        return arguments.getFirst();
    }

    private static Expression arrayOfSubquery(Function function)
    {
        if (function.getParameters() == null || function.getParameters().size() != 1
                || !(function.getParameters().get(0) instanceof PlainSelect select)
                || select.getSelectItems().size() != 1 || select.getLimit() != null || select.getDistinct() != null || select.getGroupBy() != null) {
            throw new UnsupportedStatementException("ARRAY(subquery) is supported for a subquery of one column without DISTINCT, GROUP BY or LIMIT");
        }
        Expression element = select.getSelectItems().getFirst().getExpression();
        List<Expression> aggregated = new ArrayList<>(List.of(element));
        StringBuilder order = new StringBuilder();
        for (OrderByElement key : select.getOrderByElements() == null ? List.<OrderByElement>of() : select.getOrderByElements()) {
            // ORDER BY 1 names the one column
            aggregated.add(key.getExpression() instanceof LongValue position && position.getValue() == 1 ? element : key.getExpression());
            order.append(order.isEmpty() ? " ORDER BY " : ", ").append('{').append(aggregated.size() - 1).append('}')
                    .append(key.isAscDescPresent() && !key.isAsc() ? " DESC" : "");
        }
        select.setOrderByElements(null);
        select.setSelectItems(List.of(new SelectItem<>(Templates.expand("array_agg({0}" + order + ")", aggregated.toArray(Expression[]::new)))));
        return Templates.expand("COALESCE({0}, ARRAY[])", new ParenthesedSelect().withSelect(select));
    }
}
