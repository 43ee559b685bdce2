package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.TimezoneExpression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code x AT TIME ZONE z} and Timescale's {@code at_time_zone(x, z)} with Postgres semantics: a timestamptz gives
 * the wall-clock time in z as a timestamp without zone; a timestamp without zone is read as wall-clock time in z
 * and gives a timestamptz. Without column types the translator takes x for a timestamptz (every time column of
 * the table is one) unless it is written as a timestamp without zone (a cast or a TIMESTAMP literal).
 */
public final class AtTimeZoneRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (expression instanceof TimezoneExpression atTimeZone) {
            // JSqlParser nests a chain x AT TIME ZONE a AT TIME ZONE b as x AT TIME ZONE (a AT TIME ZONE b)
            Expression result = atTimeZone.getLeftExpression();
            List<Expression> zones = new ArrayList<>(atTimeZone.getTimezoneExpressions());
            while (!zones.isEmpty()) {
                Expression zone = zones.removeFirst();
                if (zone instanceof TimezoneExpression nested) {
                    zones.addAll(0, nested.getTimezoneExpressions());
                    zone = nested.getLeftExpression();
                }
                result = atZone(result, zone);
            }
            return Optional.of(result);
        }
        if (expression instanceof Function function && FunctionNames.is(function, "at_time_zone")) {
            if (function.getParameters() == null || function.getParameters().size() != 2) {
                throw new UnsupportedStatementException("at_time_zone takes a timestamp and a time zone");
            }
            return Optional.of(atZone(function.getParameters().get(0), function.getParameters().get(1)));
        }
        return Optional.empty();
    }

    private static Expression atZone(Expression timestamp, Expression zone)
    {
        if (isWithoutZone(timestamp)) {
            return Templates.expand("with_timezone({0}, {1})", timestamp, zone);
        }
        return Templates.expand("CAST(at_timezone({0}, {1}) AS timestamp(6))", timestamp, zone);
    }

    static boolean isWithoutZone(Expression expression)
    {
        if (!(expression instanceof CastExpression cast) || cast.getColDataType() == null) {
            return false;
        }
        return PostgresTypes.baseName(cast.getColDataType()).equals("timestamp");
    }
}
