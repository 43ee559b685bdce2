package io.timefusion.gateway.sql.rules;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;

import java.util.Optional;

/**
 * Untyped text in a comparison or BETWEEN, which Postgres reads as the other side's type: each operand is offered to a
 * typing function together with the operand it is compared with, and the operands it types are replaced in place.
 */
final class ComparedText
{
    /** The typed replacement of {@code side}, compared with {@code other}, or empty to keep it. */
    interface Typing
    {
        Optional<Expression> type(Expression side, Expression other);
    }

    private ComparedText() {}

    static Optional<Expression> retype(Expression expression, Typing typing)
    {
        if (expression instanceof ComparisonOperator comparison) {
            Optional<Expression> left = typing.type(comparison.getLeftExpression(), comparison.getRightExpression());
            Optional<Expression> right = typing.type(comparison.getRightExpression(), comparison.getLeftExpression());
            if (left.isEmpty() && right.isEmpty()) {
                return Optional.empty();
            }
            // the comparison keeps its class; only the literals change
            left.ifPresent(comparison::setLeftExpression);
            right.ifPresent(comparison::setRightExpression);
            return Optional.of(comparison);
        }
        if (expression instanceof Between between) {
            Optional<Expression> start = typing.type(between.getBetweenExpressionStart(), between.getLeftExpression());
            Optional<Expression> end = typing.type(between.getBetweenExpressionEnd(), between.getLeftExpression());
            if (start.isEmpty() && end.isEmpty()) {
                return Optional.empty();
            }
            start.ifPresent(between::setBetweenExpressionStart);
            end.ifPresent(between::setBetweenExpressionEnd);
            return Optional.of(between);
        }
        return Optional.empty();
    }
}
