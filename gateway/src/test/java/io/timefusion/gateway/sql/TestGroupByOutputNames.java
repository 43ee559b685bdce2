package io.timefusion.gateway.sql;

import org.junit.jupiter.api.Test;

import static io.timefusion.gateway.sql.TrinoSql.translate;
import static org.assertj.core.api.Assertions.assertThat;

/** A bare GROUP BY name is a column of the FROM relations if one has it, else an output column's alias, as in Postgres. */
class TestGroupByOutputNames
{
    @Test
    void anOutputAliasThatIsNoColumnOfTheTableGroupsByThatOutput()
    {
        assertThat(translate("SELECT date_trunc('hour', timestamp) AS bucket, count(*) AS n FROM otel_logs_and_spans GROUP BY bucket ORDER BY bucket"))
                .contains(" FROM otel_logs_and_spans GROUP BY 1 ORDER BY bucket");
    }

    @Test
    void aColumnOfTheTableWinsOverAnOutputAliasOfTheSameName()
    {
        assertThat(translate("SELECT date_trunc('hour', timestamp) AS timestamp, count(*) AS n FROM otel_logs_and_spans GROUP BY timestamp"))
                .endsWith(" GROUP BY timestamp");
    }

    @Test
    void theOutputsOfASubqueryAreItsInputColumns()
    {
        assertThat(translate("SELECT lower(name) AS n, count(*) AS c FROM (SELECT name, level AS n FROM otel_logs_and_spans) s GROUP BY n")).endsWith(" GROUP BY n");
        assertThat(translate("SELECT lower(name) AS l, count(*) AS c FROM (SELECT name FROM otel_logs_and_spans) s GROUP BY l")).endsWith(" GROUP BY 1");
    }

    @Test
    void aRelationWhoseColumnsAreNotKnownLeavesTheNameToTrino()
    {
        assertThat(translate("SELECT a + 1 AS b, count(*) AS c FROM some_table GROUP BY b")).endsWith(" GROUP BY b");
        assertThat(translate("SELECT lower(name) AS l, count(*) AS c FROM (SELECT * FROM otel_logs_and_spans) s GROUP BY l")).endsWith(" GROUP BY l");
    }
}
