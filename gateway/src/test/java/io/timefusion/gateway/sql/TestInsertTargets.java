package io.timefusion.gateway.sql;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestInsertTargets
{
    @Test
    void mapsEachBarePlaceholderOfEveryRowToItsColumn()
    {
        InsertTargets targets = InsertTargets.of("INSERT INTO public.otel_logs_and_spans (id, \"Timestamp\", body) VALUES ($1, $2, json_parse($3)), ($4, $5, $6)").orElseThrow();
        assertThat(targets.table()).isEqualTo("otel_logs_and_spans");
        assertThat(targets.columnByPlaceholder()).isEqualTo(Map.of(1, "id", 2, "Timestamp", 4, "id", 5, "Timestamp", 6, "body"));
    }

    @Test
    void skipsExpressionsWithCommasAndParentheses()
    {
        InsertTargets targets = InsertTargets.of("insert into t (a, b, c) values (coalesce($1, 'x,y'), ARRAY[1, 2], $3)").orElseThrow();
        assertThat(targets.columnByPlaceholder()).isEqualTo(Map.of(3, "c"));
    }

    @Test
    void otherStatementsHaveNoTargets()
    {
        assertThat(InsertTargets.of("SELECT * FROM t WHERE a = $1")).isEmpty();
        assertThat(InsertTargets.of("INSERT INTO t SELECT $1")).isEmpty();
    }
}
