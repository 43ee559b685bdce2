package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.UnsupportedStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.timefusion.gateway.sql.TrinoSql.assertTranslation;
import static io.timefusion.gateway.sql.TrinoSql.translate;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestAnyArrayRule
{
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "SELECT * FROM t WHERE 'x' = ANY(hashes) => SELECT * FROM t WHERE contains(hashes, 'x')",
            "SELECT * FROM t WHERE t.kind = any (ARRAY['a', 'b)']) => SELECT * FROM t WHERE contains(ARRAY['a', 'b)'], t.kind)",
            "SELECT * FROM t WHERE kind = SOME(kinds) => SELECT * FROM t WHERE contains(kinds, kind)",
            "SELECT * FROM t WHERE id = ANY('{a,\"b c\"}') => SELECT * FROM t WHERE contains(CAST(ARRAY['a', 'b c'] AS array(varchar)), id)",
            "SELECT * FROM t WHERE kind <> ALL(kinds) => SELECT * FROM t WHERE NOT contains(kinds, kind)",
            "SELECT * FROM t WHERE kind = ANY($1) => SELECT * FROM t WHERE contains($1, kind)",
    })
    void comparisonsWithAnArrayBecomeContains(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }

    @Test
    void orderingComparisonsWithAnArrayAreUnsupported()
    {
        assertThatThrownBy(() -> translate("SELECT * FROM t WHERE n < ANY(limits)"))
                .isInstanceOf(UnsupportedStatementException.class)
                .hasMessage("operator < ANY(array) is not supported");
    }
}
