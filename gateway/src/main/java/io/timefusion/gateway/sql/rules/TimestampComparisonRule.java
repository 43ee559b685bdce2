package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;

import java.util.Optional;

/**
 * Timestamp text compared with a value ({@code timestamp >= '2026-01-01 00:00:00+00'}): Postgres reads the text
 * as the other side's type, Trino refuses to compare a timestamp with varchar. Text shaped like a date and a
 * time becomes a {@code TIMESTAMP '… zone'} literal (in the session's time zone when it names none). Text
 * without a time of day is left alone: it may as well be compared with a varchar column.
 */
public final class TimestampComparisonRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (expression instanceof ComparisonOperator comparison) {
            Optional<Expression> left = timestamp(comparison.getLeftExpression(), context);
            Optional<Expression> right = timestamp(comparison.getRightExpression(), context);
            if (left.isPresent() == right.isPresent()) {
                return Optional.empty();
            }
            // the comparison keeps its class; only the literal changes
            left.ifPresent(comparison::setLeftExpression);
            right.ifPresent(comparison::setRightExpression);
            return Optional.of(comparison);
        }
        if (expression instanceof Between between && !(between.getLeftExpression() instanceof StringValue)) {
            Optional<Expression> start = timestamp(between.getBetweenExpressionStart(), context);
            Optional<Expression> end = timestamp(between.getBetweenExpressionEnd(), context);
            if (start.isEmpty() && end.isEmpty()) {
                return Optional.empty();
            }
            start.ifPresent(between::setBetweenExpressionStart);
            end.ifPresent(between::setBetweenExpressionEnd);
            return Optional.of(between);
        }
        return Optional.empty();
    }

    private static Optional<Expression> timestamp(Expression side, TranslationContext context)
    {
        if (!(side instanceof StringValue text) || text.getPrefix() != null) {
            return Optional.empty();
        }
        return TimestampLiterals.withTimeZone(text.getValue(), context.timeZone()).map(literal -> CastRule.typedLiteral("TIMESTAMP", literal));
    }
}
