package io.timefusion.trino.functions;

import io.timefusion.contract.ConnectorFunctions;
import io.trino.spi.TrinoException;
import io.trino.spi.function.Constraint;
import io.trino.spi.function.Description;
import io.trino.spi.function.LiteralParameter;
import io.trino.spi.function.LiteralParameters;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.StandardTypes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Set;

import static io.trino.spi.StandardErrorCode.DIVISION_BY_ZERO;
import static io.trino.spi.StandardErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;

/**
 * {@code postgres_divide(a, b)}: a / b as Postgres divides aggregates such as {@code sum(duration) / count(*)}.
 * Postgres' sum of bigints is a numeric, and a numeric quotient has at least 16 significant digits (select_div_scale),
 * where Trino divides a decimal(38, 0) by a bigint at scale 0 and answers 3 for 10 / 3. Decimals divide here at scale
 * 16 (or the operands' larger scale), rounding half away from zero as Postgres does: Postgres' own number of decimals
 * for quotients from 1 to 9999, the same value to 16 decimals otherwise. Integers divide as integers and floating point
 * as floating point, as in both; dividing by zero is an error in every type, as in Postgres.
 */
public final class PostgresDivide
{
    private static final String NAME = ConnectorFunctions.POSTGRES_DIVIDE;
    private static final String DESCRIPTION = "a / b as Postgres divides: decimals at scale 16 or more, integers as integers, division by zero an error";
    private static final BigInteger MAX_UNSCALED = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);

    public static final Set<Class<?>> FUNCTIONS = Set.of(PostgresDivide.class, DecimalQuotient.class);

    private PostgresDivide() {}

    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.BIGINT)
    public static long bigint(@SqlType(StandardTypes.BIGINT) long dividend, @SqlType(StandardTypes.BIGINT) long divisor)
    {
        if (divisor == 0) {
            throw divisionByZero();
        }
        if (dividend == Long.MIN_VALUE && divisor == -1) {
            throw new TrinoException(NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
        }
        return dividend / divisor;
    }

    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.DOUBLE)
    public static double doublePrecision(@SqlType(StandardTypes.DOUBLE) double dividend, @SqlType(StandardTypes.DOUBLE) double divisor)
    {
        if (divisor == 0) {
            throw divisionByZero();
        }
        return dividend / divisor;
    }

    /** decimal(p1, s1) / decimal(p2, s2) as decimal(38, max(16, s1, s2)), one method per short and long encoding of each operand. */
    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    public static final class DecimalQuotient
    {
        private DecimalQuotient() {}

        @LiteralParameters({"p1", "s1", "p2", "s2", "rs"})
        @Constraint(variable = "rs", expression = "max(16, max(s1, s2))")
        @SqlType("decimal(38, rs)")
        public static Int128 shortByShort(@LiteralParameter("s1") long dividendScale, @LiteralParameter("s2") long divisorScale, @LiteralParameter("rs") long scale,
                @SqlType("decimal(p1, s1)") long dividend, @SqlType("decimal(p2, s2)") long divisor)
        {
            return divide(BigDecimal.valueOf(dividend, (int) dividendScale), BigDecimal.valueOf(divisor, (int) divisorScale), scale);
        }

        @LiteralParameters({"p1", "s1", "p2", "s2", "rs"})
        @Constraint(variable = "rs", expression = "max(16, max(s1, s2))")
        @SqlType("decimal(38, rs)")
        public static Int128 shortByLong(@LiteralParameter("s1") long dividendScale, @LiteralParameter("s2") long divisorScale, @LiteralParameter("rs") long scale,
                @SqlType("decimal(p1, s1)") long dividend, @SqlType("decimal(p2, s2)") Int128 divisor)
        {
            return divide(BigDecimal.valueOf(dividend, (int) dividendScale), decimal(divisor, divisorScale), scale);
        }

        @LiteralParameters({"p1", "s1", "p2", "s2", "rs"})
        @Constraint(variable = "rs", expression = "max(16, max(s1, s2))")
        @SqlType("decimal(38, rs)")
        public static Int128 longByShort(@LiteralParameter("s1") long dividendScale, @LiteralParameter("s2") long divisorScale, @LiteralParameter("rs") long scale,
                @SqlType("decimal(p1, s1)") Int128 dividend, @SqlType("decimal(p2, s2)") long divisor)
        {
            return divide(decimal(dividend, dividendScale), BigDecimal.valueOf(divisor, (int) divisorScale), scale);
        }

        @LiteralParameters({"p1", "s1", "p2", "s2", "rs"})
        @Constraint(variable = "rs", expression = "max(16, max(s1, s2))")
        @SqlType("decimal(38, rs)")
        public static Int128 longByLong(@LiteralParameter("s1") long dividendScale, @LiteralParameter("s2") long divisorScale, @LiteralParameter("rs") long scale,
                @SqlType("decimal(p1, s1)") Int128 dividend, @SqlType("decimal(p2, s2)") Int128 divisor)
        {
            return divide(decimal(dividend, dividendScale), decimal(divisor, divisorScale), scale);
        }
    }

    private static BigDecimal decimal(Int128 unscaled, long scale)
    {
        return new BigDecimal(unscaled.toBigInteger(), (int) scale);
    }

    private static Int128 divide(BigDecimal dividend, BigDecimal divisor, long scale)
    {
        if (divisor.signum() == 0) {
            throw divisionByZero();
        }
        BigInteger quotient = dividend.divide(divisor, (int) scale, RoundingMode.HALF_UP).unscaledValue();
        if (quotient.abs().compareTo(MAX_UNSCALED) > 0) {
            throw new TrinoException(NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow: the quotient has more than %d digits before the decimal point".formatted(38 - scale));
        }
        return Int128.valueOf(quotient);
    }

    private static TrinoException divisionByZero()
    {
        return new TrinoException(DIVISION_BY_ZERO, "division by zero");
    }
}
