package io.timefusion.trino.functions;

import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plugin's functions for the gateway's translations: sum(postgres_sum_argument(x)) and postgres_divide(a, b) in Trino have the types and values of Postgres' sum(x) and a / b. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPostgresArithmeticFunctions
{
    @TempDir
    static Path dataDirectory;
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder()
                .withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory))
                .build();
    }

    @AfterAll
    void stopTrino()
    {
        queryRunner.close();
    }

    @Test
    void sumOfIntegersIsABigint()
    {
        assertThat(typeOfSum("INTEGER '2147483647'")).isEqualTo("bigint");
        assertThat(typeOfSum("SMALLINT '1'")).isEqualTo("bigint");
    }

    @Test
    void sumOfBigintsIsAnExactDecimalThatDoesNotOverflowAtTheBigintLimit()
    {
        MaterializedRow row = queryRunner.execute("SELECT sum(postgres_sum_argument(x)), typeof(sum(postgres_sum_argument(x))) FROM (VALUES BIGINT '9223372036854775807', BIGINT '9223372036854775807') AS t(x)")
                .getMaterializedRows().getFirst();
        assertThat(row.getField(0)).isEqualTo(new BigDecimal("18446744073709551614"));
        assertThat(row.getField(1)).isEqualTo("decimal(38,0)");
    }

    @Test
    void sumOfOtherTypesKeepsTheirType()
    {
        assertThat(typeOfSum("DOUBLE '1.5'")).isEqualTo("double");
        assertThat(typeOfSum("REAL '1.5'")).isEqualTo("real");
        assertThat(typeOfSum("DECIMAL '1.25'")).isEqualTo("decimal(38,2)");
        assertThat(typeOfSum("CAST(1 AS decimal(30, 4))")).isEqualTo("decimal(38,4)");
        assertThat(typeOfSum("INTERVAL '1' HOUR")).isEqualTo("interval day to second");
    }

    private String typeOfSum(String value)
    {
        return (String) queryRunner.execute("SELECT typeof(sum(postgres_sum_argument(%s)))".formatted(value)).getOnlyValue();
    }

    @Test
    void aSumOfBigintsDividedByACountHasSixteenDecimals()
    {
        MaterializedRow row = queryRunner.execute("SELECT postgres_divide(sum(postgres_sum_argument(x)), count(*)), typeof(postgres_divide(sum(postgres_sum_argument(x)), count(*))) "
                        + "FROM (VALUES BIGINT '4', BIGINT '3', BIGINT '3') AS t(x)")
                .getMaterializedRows().getFirst();
        assertThat(row.getField(0)).isEqualTo(new BigDecimal("3.3333333333333333"));
        assertThat(row.getField(1)).isEqualTo("decimal(38,16)");
    }

    @Test
    void decimalsRoundHalfAwayFromZeroAndKeepALargerScale()
    {
        assertThat(divide("DECIMAL '-2'", "BIGINT '3'")).isEqualTo(new BigDecimal("-0.6666666666666667"));
        assertThat(divide("CAST(1 AS decimal(20, 18))", "DECIMAL '3'")).isEqualTo(new BigDecimal("0.333333333333333333"));
        assertThat(divide("CAST('12345678901234567890' AS decimal(38, 0))", "BIGINT '7'")).isEqualTo(new BigDecimal("1763668414462081127.1428571428571429"));
    }

    @Test
    void integersDivideAsIntegersAndFloatingPointAsFloatingPoint()
    {
        assertThat(divide("7", "BIGINT '-2'")).isEqualTo(-3L);
        assertThat(divide("DOUBLE '1'", "BIGINT '4'")).isEqualTo(0.25);
    }

    @Test
    void divisionByZeroIsAnErrorInEveryType()
    {
        for (String dividend : new String[] {"BIGINT '1'", "DOUBLE '1'", "DECIMAL '1.5'"}) {
            assertThatThrownBy(() -> divide(dividend, "0")).as(dividend).hasMessageContaining("division by zero");
        }
    }

    @Test
    void aQuotientBeyondThePrecisionIsAnErrorNotAWrongValue()
    {
        assertThatThrownBy(() -> divide("CAST('99999999999999999999999999999999999999' AS decimal(38, 0))", "DECIMAL '0.5'"))
                .hasMessageContaining("numeric field overflow");
    }

    private Object divide(String dividend, String divisor)
    {
        return queryRunner.execute("SELECT postgres_divide(%s, %s)".formatted(dividend, divisor)).getOnlyValue();
    }
}
