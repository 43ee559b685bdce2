package io.timefusion.contract;

/**
 * The connector's functions the gateway's translations call, so that Trino answers as Postgres would: Trino resolves
 * them only when a statement runs, so a name changed on one side alone would still compile and then fail every such
 * statement.
 */
public final class ConnectorFunctions
{
    /** x in the type Postgres' sum adds it in: {@code sum(postgres_sum_argument(x))} has the type of Postgres' {@code sum(x)}. */
    public static final String POSTGRES_SUM_ARGUMENT = "postgres_sum_argument";

    /** a / b as Postgres divides: decimals at scale 16 or more, integers as integers, division by zero an error. */
    public static final String POSTGRES_DIVIDE = "postgres_divide";

    private ConnectorFunctions() {}
}
