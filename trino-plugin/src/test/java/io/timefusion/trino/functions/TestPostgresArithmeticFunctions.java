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

/** sum(postgres_sum_argument(x)) in Trino has the type and value of Postgres' sum(x). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPostgresSumArgument
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
}
