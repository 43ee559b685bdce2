package io.timefusion.gateway.sql.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.timefusion.gateway.sql.TrinoSql.assertTranslation;

class TestRegexMatchRule
{
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "SELECT * FROM t WHERE name ~ '^get' => SELECT * FROM t WHERE regexp_like(name, '^get')",
            "SELECT * FROM t WHERE name ~* '^get' => SELECT * FROM t WHERE regexp_like(name, '(?i)^get')",
            "SELECT * FROM t WHERE name !~ '^get' => SELECT * FROM t WHERE NOT regexp_like(name, '^get')",
            "SELECT * FROM t WHERE name !~* '^get' => SELECT * FROM t WHERE NOT regexp_like(name, '(?i)^get')",
            "SELECT * FROM t WHERE name ~* pattern => SELECT * FROM t WHERE regexp_like(name, '(?i)' || pattern)",
            "SELECT name ~ $1 FROM t => SELECT regexp_like(name, $1) FROM t",
    })
    void regularExpressionOperatorsBecomeRegexpLike(String postgres, String trino)
    {
        assertTranslation(postgres, trino);
    }
}
