package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;

import java.util.Optional;

/**
 * Timestamp text compared with a value ({@code timestamp >= '2026-01-01 00:00:00+00'}): Postgres reads the text
 * as the other side's type, Trino refuses to compare a timestamp with varchar. Text shaped like a date and a
 * time becomes a {@code TIMESTAMP '… zone'} literal (in the session's time zone when it names none). Text
 * without a time of day may as well be compared with a varchar column: it is typed only where the other side is a
 * date or time column of the table ({@link DateColumnComparisonRule}).
 */
public final class TimestampComparisonRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        // text compared with text stays text
        return ComparedText.retype(expression, (side, other) -> other instanceof StringValue ? Optional.empty() : timestamp(side, context));
    }

    private static Optional<Expression> timestamp(Expression side, TranslationContext context)
    {
        if (!(side instanceof StringValue text) || text.getPrefix() != null) {
            return Optional.empty();
        }
        return TimestampLiterals.withTimeZone(text.getValue(), context.timeZone()).map(literal -> CastRule.typedLiteral("TIMESTAMP", literal));
    }
}
