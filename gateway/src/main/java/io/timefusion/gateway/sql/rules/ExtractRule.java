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
 * (to_unixtime), dow counts from Sunday = 0 and second includes its fraction, as in Postgres. Since Postgres 14
 * extract answers a numeric (epoch and second with 6 decimals, milliseconds with 3, other fields whole) and
 * date_part a double precision; the field is cast to that type.
 */
public final class ExtractRule
        implements TranslationRule
{
    // the fraction comes from the epoch (Trino has no microsecond field), rounded to microseconds before it is split
    private static final String EPOCH = "CAST(to_unixtime({0}) AS decimal(38, 6))";
    private static final String SECONDS = "CAST(second({0}) AS decimal(38, 6)) + (" + EPOCH + " - floor(" + EPOCH + "))";

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (expression instanceof ExtractExpression extract) {
            return Optional.of(Templates.expand(numeric(extract.getName()), extract.getExpression()));
        }
        if (expression instanceof Function function && FunctionNames.is(function, "date_part") && function.getParameters() != null
                && function.getParameters().size() == 2 && function.getParameters().get(0) instanceof StringValue field) {
            return Optional.of(Templates.expand("CAST(" + numeric(field.getValue()) + " AS double)", function.getParameters().get(1)));
        }
        return Optional.empty();
    }

    private static String numeric(String field)
    {
        return switch (field.toLowerCase(Locale.ROOT).replace("'", "")) {
            case "epoch" -> EPOCH;
            case "second" -> SECONDS;
            case "milliseconds" -> "CAST((" + SECONDS + ") * 1000 AS decimal(38, 3))";
            case "year" -> whole("year({0})");
            case "quarter" -> whole("quarter({0})");
            case "month" -> whole("month({0})");
            case "week" -> whole("week({0})");
            case "day" -> whole("day({0})");
            case "hour" -> whole("hour({0})");
            case "minute" -> whole("minute({0})");
            case "dow" -> whole("day_of_week({0}) % 7");
            case "isodow" -> whole("day_of_week({0})");
            case "doy" -> whole("day_of_year({0})");
            case "isoyear" -> whole("year_of_week({0})");
            default -> throw new UnsupportedStatementException("extract(%s from …) is not supported".formatted(field));
        };
    }

    private static String whole(String field)
    {
        return "CAST(" + field + " AS decimal(38, 0))";
    }
}
