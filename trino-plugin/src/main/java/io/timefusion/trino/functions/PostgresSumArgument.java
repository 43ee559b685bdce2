package io.timefusion.trino.functions;

import io.trino.spi.function.Description;
import io.trino.spi.function.LiteralParameters;
import io.trino.spi.function.ScalarFunction;
import io.trino.spi.function.SqlType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.StandardTypes;

/**
 * {@code postgres_sum_argument(x)}: x in the type Postgres' sum adds it in, so that {@code sum(postgres_sum_argument(x))}
 * has the type of Postgres' {@code sum(x)}: bigint for the smaller integers, an exact decimal (numeric) for bigint,
 * every other type as it is. The gateway translates a Postgres sum this way; the argument's type is known only to
 * Trino's planner, which picks the overload.
 */
@ScalarFunction("postgres_sum_argument")
@Description("The value in the type Postgres' sum adds it in: bigint for tinyint, smallint and integer; decimal(38, 0) for bigint; other types unchanged")
public final class PostgresSumArgument
{
    private PostgresSumArgument() {}

    @SqlType(StandardTypes.BIGINT)
    public static long tinyint(@SqlType(StandardTypes.TINYINT) long value)
    {
        return value;
    }

    @SqlType(StandardTypes.BIGINT)
    public static long smallint(@SqlType(StandardTypes.SMALLINT) long value)
    {
        return value;
    }

    @SqlType(StandardTypes.BIGINT)
    public static long integer(@SqlType(StandardTypes.INTEGER) long value)
    {
        return value;
    }

    @SqlType("decimal(38, 0)")
    public static Int128 bigint(@SqlType(StandardTypes.BIGINT) long value)
    {
        return Int128.valueOf(value);
    }

    @SqlType(StandardTypes.REAL)
    public static long real(@SqlType(StandardTypes.REAL) long value)
    {
        return value;
    }

    @SqlType(StandardTypes.DOUBLE)
    public static double doublePrecision(@SqlType(StandardTypes.DOUBLE) double value)
    {
        return value;
    }

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

    @SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND)
    public static long dayToSecond(@SqlType(StandardTypes.INTERVAL_DAY_TO_SECOND) long value)
    {
        return value;
    }

    @SqlType(StandardTypes.INTERVAL_YEAR_TO_MONTH)
    public static long yearToMonth(@SqlType(StandardTypes.INTERVAL_YEAR_TO_MONTH) long value)
    {
        return value;
    }
}
