package io.timefusion.gateway.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestInvalidation
{
    @Test
    void readsInvalidateNothing()
    {
        assertThat(Invalidation.of("SELECT * FROM otel_logs_and_spans")).isEqualTo(new Invalidation.None());
        assertThat(Invalidation.of("SHOW TABLES")).isEqualTo(new Invalidation.None());
        assertThat(Invalidation.of("EXPLAIN INSERT INTO t VALUES (1)")).isEqualTo(new Invalidation.None());
    }

    @Test
    void aWriteInvalidatesTheReadersOfItsTable()
    {
        assertThat(Invalidation.of("INSERT INTO otel_logs_and_spans (id) VALUES ('a')")).isEqualTo(new Invalidation.ReadersOf("otel_logs_and_spans"));
        assertThat(Invalidation.of("insert into timefusion.public.Otel_Logs_And_Spans(id) values ('a')")).isEqualTo(new Invalidation.ReadersOf("otel_logs_and_spans"));
        assertThat(Invalidation.of("UPDATE public.\"OTEL_LOGS_AND_SPANS\" SET name = 'x'")).isEqualTo(new Invalidation.ReadersOf("otel_logs_and_spans"));
        assertThat(Invalidation.of("DELETE FROM otel_logs_and_spans WHERE project_id = 'p'")).isEqualTo(new Invalidation.ReadersOf("otel_logs_and_spans"));
        assertThat(Invalidation.of("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE")).isEqualTo(new Invalidation.ReadersOf("t"));
    }

    @Test
    void aWriteWhoseTableIsNotAPlainNameInvalidatesEverything()
    {
        assertThat(Invalidation.of("INSERT INTO \"odd table\" VALUES (1)")).isEqualTo(new Invalidation.All());
        assertThat(Invalidation.of("/* batch */ INSERT INTO t VALUES (1)")).isEqualTo(new Invalidation.All());
    }

    @Test
    void everythingElseThatReachesTrinoInvalidatesEverything()
    {
        assertThat(Invalidation.of("DROP TABLE t")).isEqualTo(new Invalidation.All());
        assertThat(Invalidation.of("CREATE TABLE t AS SELECT 1 AS a")).isEqualTo(new Invalidation.All());
        assertThat(Invalidation.of("CALL timefusion.system.register_project(project_id => 'p')")).isEqualTo(new Invalidation.All());
        assertThat(Invalidation.of("EXECUTE statement1")).isEqualTo(new Invalidation.All());
        assertThat(Invalidation.of("EXPLAIN ANALYZE INSERT INTO t VALUES (1)")).isEqualTo(new Invalidation.All());
    }
}
