package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code date + n} and {@code date - n} with an integer n: Postgres counts days, Trino has no such operator, so
 * they become {@code date_add('day', n, date)}; {@code date - date} is the integer count of days between them, which
 * Trino has no operator for either. A date is recognised as written (a cast to date, a DATE literal, current_date,
 * the table's {@code date} column) and n as an integer literal, a cast to an integer type or a parameter.
 */
public final class DateArithmeticRule
        implements TranslationRule
{
    private static final Set<String> INTEGER_TYPES = Set.of("int", "int2", "int4", "int8", "integer", "smallint", "bigint");

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (expression instanceof Addition addition) {
            if (isDate(addition.getLeftExpression()) && isInteger(addition.getRightExpression())) {
                return Optional.of(Templates.expand("date_add('day', {0}, {1})", addition.getRightExpression(), addition.getLeftExpression()));
            }
            if (isInteger(addition.getLeftExpression()) && isDate(addition.getRightExpression())) {
                return Optional.of(Templates.expand("date_add('day', {0}, {1})", addition.getLeftExpression(), addition.getRightExpression()));
            }
        }
        if (expression instanceof Subtraction subtraction && isDate(subtraction.getLeftExpression()) && isInteger(subtraction.getRightExpression())) {
            return Optional.of(Templates.expand("date_add('day', -{0}, {1})", subtraction.getRightExpression(), subtraction.getLeftExpression()));
        }
        if (expression instanceof Subtraction subtraction && isDate(subtraction.getLeftExpression()) && isDate(subtraction.getRightExpression())) {
            return Optional.of(Templates.expand("CAST(date_diff('day', {0}, {1}) AS integer)", subtraction.getRightExpression(), subtraction.getLeftExpression()));
        }
        return Optional.empty();
    }

    private static boolean isDate(Expression expression)
    {
        if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            return isDate(list.getFirst());
        }
        // date ± integer is a date again
        if (expression instanceof Addition addition) {
            return isDate(addition.getLeftExpression()) && isInteger(addition.getRightExpression()) || isInteger(addition.getLeftExpression()) && isDate(addition.getRightExpression());
        }
        if (expression instanceof Subtraction subtraction) {
            return isDate(subtraction.getLeftExpression()) && isInteger(subtraction.getRightExpression());
        }
        return expression instanceof DateValue
                || expression instanceof TimeKeyExpression key && key.getStringValue().toLowerCase(Locale.ROOT).equals("current_date")
                || expression instanceof Column column && column.getColumnName().replace("\"", "").equalsIgnoreCase("date")
                || castTo(expression).filter("date"::equals).isPresent();
    }

    private static boolean isInteger(Expression expression)
    {
        return expression instanceof LongValue || expression instanceof JdbcParameter || castTo(expression).filter(INTEGER_TYPES::contains).isPresent();
    }

    private static Optional<String> castTo(Expression expression)
    {
        return expression instanceof CastExpression cast && cast.getColDataType() != null && !TrinoTypeName.isTrinoCast(cast) && !PostgresTypes.isArray(cast.getColDataType())
                ? Optional.of(PostgresTypes.baseName(cast.getColDataType()))
                : Optional.empty();
    }
}
