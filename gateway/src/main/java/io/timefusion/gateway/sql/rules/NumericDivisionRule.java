package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Division by (or of) a numeric literal such as {@code duration / 1000000.0}. Postgres picks a quotient's scale
 * per value (select_div_scale: 16 significant digits, at least the operands' scales), so 1447 / 2.0 is
 * 723.5000000000000000; Trino's decimal has one scale per column and divides at the operands' scale (723.5).
 * The literal is given scale 16, Postgres' scale for quotients from 1 to 9999 — the unit conversions clients
 * write this way. For other quotients the number of decimals differs from Postgres' (the values agree to the
 * shorter of the two). A double divided by the literal stays a double, as in Postgres.
 */
public final class NumericDivisionRule
        implements TranslationRule
{
    private static final int QUOTIENT_SCALE = 16;
    private static final int MAX_PRECISION = 38;
    private static final Pattern DECIMAL_LITERAL = Pattern.compile("\\d*\\.\\d*");

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Division division)) {
            return Optional.empty();
        }
        Optional<Expression> left = widened(division.getLeftExpression());
        Optional<Expression> right = widened(division.getRightExpression());
        if (left.isEmpty() && right.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Templates.expand("{0} / {1}", left.orElse(division.getLeftExpression()), right.orElse(division.getRightExpression())));
    }

    private static Optional<Expression> widened(Expression operand)
    {
        if (!(operand instanceof DoubleValue literal) || !DECIMAL_LITERAL.matcher(literal.toString()).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(literal.toString());
        int scale = Math.max(QUOTIENT_SCALE, value.scale());
        int integerDigits = Math.max(1, value.precision() - value.scale());
        if (integerDigits + scale > MAX_PRECISION) {
            return Optional.empty();
        }
        return Optional.of(CastRule.cast(literal, "decimal(" + (integerDigits + scale) + ", " + scale + ")"));
    }
}
