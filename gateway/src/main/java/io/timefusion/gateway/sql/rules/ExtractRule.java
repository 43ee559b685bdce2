package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code extract(field FROM x)} and {@code date_part('field', x)}: epoch is seconds since 1970 with fractions
 * (to_unixtime), dow counts from Sunday = 0 and second includes its fraction, as in Postgres.
 */
public final class ExtractRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (expression instanceof ExtractExpression extract) {
            return Optional.of(field(extract.getName(), extract.getExpression()));
        }
        if (expression instanceof Function function && FunctionNames.is(function, "date_part") && function.getParameters() != null
                && function.getParameters().size() == 2 && function.getParameters().get(0) instanceof StringValue field) {
            return Optional.of(field(field.getValue(), function.getParameters().get(1)));
        }
        return Optional.empty();
    }

    private static Expression field(String field, Expression value)
    {
        String template = switch (field.toLowerCase(Locale.ROOT).replace("'", "")) {
            case "epoch" -> "to_unixtime({0})";
            case "year" -> "year({0})";
            case "quarter" -> "quarter({0})";
            case "month" -> "month({0})";
            case "week" -> "week({0})";
            case "day" -> "day({0})";
            case "hour" -> "hour({0})";
            case "minute" -> "minute({0})";
            case "second" -> "second({0}) + millisecond({0}) / 1000e0";
            case "milliseconds" -> "second({0}) * 1000 + millisecond({0})";
            case "dow" -> "day_of_week({0}) % 7";
            case "isodow" -> "day_of_week({0})";
            case "doy" -> "day_of_year({0})";
            case "isoyear" -> "year_of_week({0})";
            default -> throw new UnsupportedStatementException("extract(%s from …) is not supported".formatted(field));
        };
        return Templates.expand(template, value);
    }
}
