package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code round(x, n)}: Postgres has it for numeric only (x of any other type is read as numeric) and answers a
 * numeric with exactly max(n, 0) decimals (1.23, not 1.230000000; 117400000000 for n = -6), so x is rounded as
 * a decimal and the result cast to decimal with that scale. Reading x as a decimal first also rounds a double as
 * Postgres does (2.675 to 2.68), where rounding the binary double would not. round(x) is the same in Trino.
 */
public final class RoundRule
        implements TranslationRule
{
    private static final int MAX_DIGITS = 38;
    // the scale of Postgres' unbounded numeric as the translator reads it (PostgresTypes.UNBOUNDED_NUMERIC)
    private static final int NUMERIC_SCALE = 9;

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function) || !FunctionNames.is(function, "round")
                || function.getParameters() == null || function.getParameters().size() != 2) {
            return Optional.empty();
        }
        OptionalLong digits = integerLiteral(function.getParameters().get(1));
        if (digits.isEmpty() || Math.abs(digits.getAsLong()) > MAX_DIGITS) {
            return Optional.empty();
        }
        int scale = (int) digits.getAsLong();
        Expression value = function.getParameters().get(0);
        Expression exact = isNumericCast(value)
                ? CastRule.cast(((CastExpression) value).getLeftExpression(), PostgresTypes.trino(((CastExpression) value).getColDataType()))
                : CastRule.cast(value, "decimal(38, " + Math.max(NUMERIC_SCALE, scale) + ")");
        Function round = new TrinoFunction("round", exact, new LongValue(scale));
        return Optional.of(CastRule.cast(round, "decimal(38, " + Math.max(scale, 0) + ")"));
    }

    private static boolean isNumericCast(Expression value)
    {
        return value instanceof CastExpression cast && cast.getColDataType() != null && !TrinoTypeName.isTrinoCast(cast)
                && !PostgresTypes.isArray(cast.getColDataType()) && PostgresTypes.baseName(cast.getColDataType()).matches("numeric|decimal");
    }

    private static OptionalLong integerLiteral(Expression expression)
    {
        if (expression instanceof LongValue number) {
            return OptionalLong.of(number.getValue());
        }
        if (expression instanceof SignedExpression signed && signed.getExpression() instanceof LongValue number && (signed.getSign() == '-' || signed.getSign() == '+')) {
            return OptionalLong.of(signed.getSign() == '-' ? -number.getValue() : number.getValue());
        }
        return OptionalLong.empty();
    }
}
