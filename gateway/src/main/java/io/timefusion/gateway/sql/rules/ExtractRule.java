package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code extract(field FROM x)} and {@code date_part('field', x)}: epoch is seconds since 1970 with fractions
 * (to_unixtime), dow counts from Sunday = 0 and second includes its fraction, as in Postgres. Since Postgres 14
 * extract answers a numeric (epoch and second with 6 decimals, milliseconds with 3, other fields whole) and
 * date_part a double precision; the field is cast to that type. The epoch of an interval (an interval literal or
 * cast, the difference of two timestamps) is its length in seconds.
 */
public final class ExtractRule
        implements TranslationRule
{
    // the fraction comes from the epoch (Trino has no microsecond field), rounded to microseconds before it is split
    private static final String EPOCH = "CAST(to_unixtime({0}) AS decimal(38, 6))";
    // Trino's day-to-second intervals hold milliseconds
    private static final String INTERVAL_EPOCH = "CAST(CAST(to_milliseconds({0}) AS decimal(38, 6)) / 1000 AS decimal(38, 6))";
    private static final String SECONDS = "CAST(second({0}) AS decimal(38, 6)) + (" + EPOCH + " - floor(" + EPOCH + "))";

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (expression instanceof ExtractExpression extract) {
            Optional<Subtraction> difference = timestampDifference(extract.getExpression());
            if (extract.getName().equalsIgnoreCase("epoch") && difference.isPresent()) {
                // the two epochs, each exact to the microsecond, subtracted: Trino's timestamp difference keeps milliseconds only
                return Optional.of(Templates.expand(EPOCH.replace("{0}", "{1}") + " - " + EPOCH, difference.get().getRightExpression(), difference.get().getLeftExpression()));
            }
            return Optional.of(Templates.expand(numeric(extract.getName(), extract.getExpression()), extract.getExpression()));
        }
        if (expression instanceof Function function && FunctionNames.is(function, "date_part") && function.getParameters() != null
                && function.getParameters().size() == 2 && function.getParameters().get(0) instanceof StringValue field) {
            Expression source = function.getParameters().get(1);
            return Optional.of(Templates.expand("CAST(" + numeric(field.getValue(), source) + " AS double)", source));
        }
        return Optional.empty();
    }

    private static String numeric(String field, Expression source)
    {
        return switch (field.toLowerCase(Locale.ROOT).replace("'", "")) {
            case "epoch" -> isInterval(source) ? INTERVAL_EPOCH : EPOCH;
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

    /** {@code a - b} of two values that are not intervals (timestamps), inside parentheses or not. */
    private static Optional<Subtraction> timestampDifference(Expression expression)
    {
        if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            return timestampDifference(list.getFirst());
        }
        return expression instanceof Subtraction subtraction && !isInterval(subtraction.getLeftExpression()) && !isInterval(subtraction.getRightExpression())
                ? Optional.of(subtraction)
                : Optional.empty();
    }

    /** An interval as written: a literal, a cast to interval, a sum of intervals, or the difference of two values that are not intervals (timestamps). */
    private static boolean isInterval(Expression expression)
    {
        return switch (expression) {
            case ParenthesedExpressionList<?> list when list.size() == 1 -> isInterval(list.getFirst());
            case IntervalExpression _ -> true;
            case CastExpression cast -> cast.getColDataType() != null && PostgresTypes.baseName(cast.getColDataType()).equals("interval");
            case Addition addition -> isInterval(addition.getLeftExpression()) && isInterval(addition.getRightExpression());
            case Subtraction subtraction -> isInterval(subtraction.getLeftExpression()) == isInterval(subtraction.getRightExpression());
            default -> false;
        };
    }

    private static String whole(String field)
    {
        return "CAST(" + field + " AS decimal(38, 0))";
    }
}
