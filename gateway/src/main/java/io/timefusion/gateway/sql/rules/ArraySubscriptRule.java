package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.RangeExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;

import java.util.List;
import java.util.Optional;

/**
 * {@code a[i]}: Postgres answers NULL for a subscript outside the array (0, negative, past the end, or NULL); Trino's
 * subscript fails for each, and its {@code element_at} counts a negative index from the end. So the subscript becomes
 * {@code element_at} with every index below 1 turned into NULL. Slices ({@code a[i:j]}) and JSON subscripts
 * ({@code j['key']}) are left as they are.
 */
public final class ArraySubscriptRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        return switch (expression) {
            // JSqlParser reads a subscripted column as the column with its subscripts
            case Column column when column.getArrayConstructor() != null && isIndex(column.getArrayConstructor().getExpressions()) ->
                    Optional.of(elementAt(new Column(column.getTable(), column.getColumnName()), column.getArrayConstructor().getExpressions().getFirst()));
            case ArrayExpression subscript when subscript.getIndexExpression() != null && !(subscript.getIndexExpression() instanceof StringValue) ->
                    Optional.of(elementAt(subscript.getObjExpression(), subscript.getIndexExpression()));
            default -> Optional.empty();
        };
    }

    /** One subscript, not a slice ({@code [i:j]}) nor several ({@code [i][j]}). */
    private static boolean isIndex(List<? extends Expression> subscripts)
    {
        return subscripts.size() == 1 && !(subscripts.getFirst() instanceof RangeExpression) && !(subscripts.getFirst() instanceof ArrayConstructor)
                && !(subscripts.getFirst() instanceof StringValue);
    }

    private static Optional<Long> integerLiteral(Expression expression)
    {
        return switch (expression) {
            case LongValue value -> Optional.of(value.getValue());
            case SignedExpression signed when signed.getExpression() instanceof LongValue value -> Optional.of(signed.getSign() == '-' ? -value.getValue() : value.getValue());
            default -> Optional.empty();
        };
    }

    private static Expression elementAt(Expression array, Expression index)
    {
        Optional<Long> literal = integerLiteral(index);
        if (literal.isPresent()) {
            return literal.get() >= 1
                    ? Templates.expand("element_at({0}, {1})", array, index)
                    : Templates.expand("element_at({0}, NULL)", array);
        }
        return Templates.expand("element_at({0}, CASE WHEN {1} >= 1 THEN {1} END)", array, index);
    }
}
