package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Date text compared with a date or time column of otel_logs_and_spans ({@code date = '2026-03-01'},
 * {@code timestamp >= '2026-03-01'}): Postgres reads untyped text as the column's type, Trino refuses to compare a
 * date or a timestamp with varchar. For {@code date} the text becomes a DATE literal; for {@code timestamp} and
 * {@code observed_timestamp} the midnight that starts the day in the session's time zone, as Postgres reads it.
 * Text with a time of day is {@link TimestampComparisonRule}'s; columns are known by the table's names (docs/storage.md).
 */
public final class DateColumnComparisonRule
        implements TranslationRule
{
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String DATE_COLUMN = "date";
    private static final Set<String> TIMESTAMP_COLUMNS = Set.of("timestamp", "observed_timestamp");

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        return ComparedText.retype(expression, (side, other) -> typed(side, other, context));
    }

    /** {@code side} as a typed literal when it is date text and {@code other} a date or time column. */
    private static Optional<Expression> typed(Expression side, Expression other, TranslationContext context)
    {
        if (!(side instanceof StringValue text) || text.getPrefix() != null || !DATE_TEXT.matcher(text.getValue().strip()).matches()
                || !(other instanceof Column column)) {
            return Optional.empty();
        }
        String name = column.getColumnName().replace("\"", "").toLowerCase(Locale.ROOT);
        if (name.equals(DATE_COLUMN)) {
            return Optional.of(CastRule.typedLiteral("DATE", text.getValue().strip()));
        }
        if (TIMESTAMP_COLUMNS.contains(name)) {
            return Optional.of(CastRule.typedLiteral("TIMESTAMP", text.getValue().strip() + " 00:00:00 " + context.timeZone()));
        }
        return Optional.empty();
    }
}
