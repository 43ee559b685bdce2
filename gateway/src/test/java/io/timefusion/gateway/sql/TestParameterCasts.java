package io.timefusion.gateway.sql;

import io.timefusion.gateway.trino.TrinoType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestParameterCasts
{
    @Test
    void aParameterCastToATypeHasThatType()
    {
        assertThat(ParameterCasts.of("SELECT id FROM t WHERE hashes && CAST($2 AS array(varchar)) AND ts >= CAST( $1 AS timestamp(6) with time zone)"))
                .containsOnlyKeys(1, 2)
                .containsEntry(2, TrinoType.parse("array(varchar)"))
                .containsEntry(1, TrinoType.parse("timestamp(6) with time zone"));
    }

    @Test
    void aParameterInsideACastExpressionIsNotTypedByIt()
    {
        assertThat(ParameterCasts.of("SELECT CAST($1 + 1 AS bigint), PRECAST($2 AS integer), CAST('$3' AS integer)")).isEmpty();
    }

    @Test
    void aParameterCastToTwoTypesHasNone()
    {
        assertThat(ParameterCasts.of("SELECT CAST($1 AS integer), CAST($1 AS varchar), CAST($2 AS decimal(38, 9))"))
                .containsOnlyKeys(2);
    }
}
