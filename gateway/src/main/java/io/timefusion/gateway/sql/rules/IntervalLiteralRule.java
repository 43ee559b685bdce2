package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.IntervalExpression;

import java.util.Optional;

/** {@code interval '1 day 2 hours'}: Postgres reads units inside the text, Trino wants {@code INTERVAL 'n' UNIT}. */
public final class IntervalLiteralRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof IntervalExpression interval) || interval.getIntervalType() != null || interval.getParameter() == null
                || !interval.getParameter().startsWith("'") || !interval.getParameter().endsWith("'")) {
            return Optional.empty();
        }
        String text = interval.getParameter().substring(1, interval.getParameter().length() - 1);
        return Optional.of(Intervals.literal(text));
    }
}
