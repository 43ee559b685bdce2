package io.timefusion.trino.functions;

import io.timefusion.contract.ConnectorFunctions;
import io.trino.spi.function.Description;
import io.trino.spi.function.LiteralParameters;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.StandardTypes;

import java.util.Set;

/**
 * {@code postgres_sum_argument(x)}: x in the type Postgres' sum adds it in, so that {@code sum(postgres_sum_argument(x))}
 * has the type of Postgres' {@code sum(x)}: bigint for the smaller integers, an exact decimal (numeric) for bigint,
 * every other type as it is. The gateway translates a Postgres sum this way; the argument's type is known only to
 * Trino's planner, which picks the overload.
 */
public final class PostgresSumArgument
{
    private static final String NAME = ConnectorFunctions.POSTGRES_SUM_ARGUMENT;
    private static final String DESCRIPTION = "The value in the type Postgres' sum adds it in: bigint for tinyint, smallint and integer; decimal(38, 0) for bigint; other types unchanged";

    public static final Set<Class<?>> FUNCTIONS = Set.of(PostgresSumArgument.class, Decimal.class);

    private PostgresSumArgument() {}

    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.BIGINT)
    public static long tinyint(@SqlType(StandardTypes.TINYINT) long value)
    {
        return value;
    }

    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.BIGINT)
    public static long smallint(@SqlType(StandardTypes.SMALLINT) long value)
    {
        return value;
    }

    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.BIGINT)
    public static long integer(@SqlType(StandardTypes.INTEGER) long value)
    {
        return value;
    }

    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    @SqlType("decimal(38, 0)")
    public static Int128 bigint(@SqlType(StandardTypes.BIGINT) long value)
    {
        return Int128.valueOf(value);
    }

    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.REAL)
    public static long real(@SqlType(StandardTypes.REAL) long value)
    {
        return value;
    }

    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.DOUBLE)
    public static double doublePrecision(@SqlType(StandardTypes.DOUBLE) double value)
    {
        return value;
    }

    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND)
    public static long dayToSecond(@SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long value)
    {
        return value;
    }

    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    @SqlType(StandardTypes.INTERVAL_YEAR_TO_MONTH)
    public static long yearToMonth(@SqlType(StandardTypes.INTERVAL_YEAR_TO_MONTH) long value)
    {
        return value;
    }

    /** One signature, decimal(p, s), with one method for the short and one for the long encoding. */
    @ScalarFunction(NAME)
    @Description(DESCRIPTION)
    public static final class Decimal
    {
        private Decimal() {}

        @LiteralParameters({"p", "s"})
        @SqlType("decimal(p, s)")
        public static long shortDecimal(@SqlType("decimal(p, s)") long value)
        {
            return value;
        }

        @LiteralParameters({"p", "s"})
        @SqlType("decimal(p, s)")
        public static Int128 longDecimal(@SqlType("decimal(p, s)") Int128 value)
        {
            return value;
        }
    }
}
