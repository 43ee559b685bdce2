package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.SqlLiterals;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;

import java.util.List;
import java.util.Set;

/**
 * The array whose UNNEST is {@code generate_series(start, stop[, step])}: Trino's sequence, typed as Postgres
 * types the series. Integer bounds that fit an int4 give an integer series (sequence counts in bigint). A series
 * with an interval step is a timestamptz series unless its start is written as a timestamp without zone, as
 * {@link AtTimeZoneRule} reads time values; Trino's sequence takes no timestamptz, so the steps are taken on the
 * wall clock of the session's time zone, where Postgres adds intervals to a timestamptz.
 */
public final class GenerateSeries
{
    private static final Set<String> INT4_TYPES = Set.of("int", "int4", "integer", "int2", "smallint");

    private GenerateSeries() {}

    public static Expression sequence(List<Expression> arguments, TranslationContext context)
    {
        if (arguments.size() < 2 || arguments.size() > 3) {
            throw new UnsupportedStatementException("generate_series takes a start, a stop and an optional step");
        }
        Expression[] bounds = arguments.toArray(Expression[]::new);
        if (bounds.length == 3 && bounds[2] instanceof StringValue step) {
            // an untyped literal step is read as an interval, as Postgres resolves it
            bounds[2] = Intervals.literal(step.getValue());
        }
        String series = arguments.size() == 2 ? "sequence({0}, {1})" : "sequence({0}, {1}, {2})";
        if (arguments.stream().allMatch(GenerateSeries::isInt4)) {
            return CastRule.cast(new TrinoFunction("sequence", bounds), "array(integer)");
        }
        if (arguments.size() == 3 && isInterval(bounds[2]) && !AtTimeZoneRule.isWithoutZone(arguments.getFirst())) {
            String zone = SqlLiterals.string(context.timeZone());
            String wallClock = "CAST(at_timezone({%d}, " + zone + ") AS timestamp(6))";
            return Templates.expand("transform(sequence(" + wallClock.formatted(0) + ", " + wallClock.formatted(1) + ", {2}), t -> with_timezone(t, " + zone + "))", bounds);
        }
        return Templates.expand(series, bounds);
    }

    private static boolean isInt4(Expression expression)
    {
        if (expression instanceof LongValue number) {
            return number.getValue() >= Integer.MIN_VALUE && number.getValue() <= Integer.MAX_VALUE;
        }
        return expression instanceof CastExpression cast && cast.getColDataType() != null && !PostgresTypes.isArray(cast.getColDataType())
                && INT4_TYPES.contains(PostgresTypes.baseName(cast.getColDataType()));
    }

    private static boolean isInterval(Expression expression)
    {
        return expression instanceof IntervalExpression
                || expression instanceof CastExpression cast && cast.getColDataType() != null && PostgresTypes.baseName(cast.getColDataType()).equals("interval");
    }
}
