package io.timefusion.gateway.ingest;

import io.timefusion.gateway.sql.EscapeStrings;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.insert.Insert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestValuesInsertScanner
{
    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO otel_logs_and_spans (timestamp, id, project_id) VALUES ('2025-01-02 03:04:05+00', 'a', 'p')",
            "insert into public.otel_logs_and_spans (timestamp, ID, \"project_id\") values ('2025-01-02T03:04:05+00:00'::timestamptz, 'it''s', 'p'), (TIMESTAMP '2025-01-02 00:00:00', E'tab\\\\t\\\\x41', 'q');",
            "INSERT INTO otel_logs_and_spans (id, hashes, duration, attributes___client___port, context___is_remote, body) VALUES ('a', ARRAY['x', NULL], -9223372036854775808, +80, true, '{\"k\": 1}'::jsonb)",
            "INSERT INTO otel_logs_and_spans (id, hashes, duration) VALUES ('a', ARRAY[]::text[], 1.50), ('b', '{}', .5), ('c', ARRAY['y']::pg_catalog.text[], -0.25)",
            "INSERT INTO otel_logs_and_spans (id, duration, body) VALUES ($1, $2::bigint, $3), ($4, NULL, NULL)",
            "INSERT INTO otel_logs_and_spans VALUES ('2025-01-02', 'a') -- trailing comment",
            "INSERT /* hint */ INTO otel_logs_and_spans (id, name) VALUES ('a', 'x'::character varying(20)), ('b', 'y'::double precision)",
            "INSERT INTO otel_logs_and_spans (id, date) VALUES ('a', DATE '2025-01-02')"})
    void readsTheLiteralValuesShapeAsJSqlParserDoes(String sql)
            throws Exception
    {
        Optional<IngestInsert> scanned = ValuesInsertScanner.scan(sql);
        assertThat(scanned).as("scanned").isPresent();
        // the translator hands JSqlParser the text with its escape strings decoded
        assertThat(scanned).isEqualTo(InsertParser.parse((Insert) CCJSqlParserUtil.parse(EscapeStrings.decode(sql))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO otel_logs_and_spans (id, name) VALUES ('a', upper('x'))",
            "INSERT INTO otel_logs_and_spans (id, duration) VALUES ('a', 1 + 2)",
            "INSERT INTO otel_logs_and_spans (id, duration) VALUES ('a', 1e3)",
            "INSERT INTO otel_logs_and_spans (id, name) VALUES ('a', 'x') RETURNING id",
            "INSERT INTO otel_logs_and_spans (id, name) VALUES ('a', 'x') ON CONFLICT DO NOTHING",
            "INSERT INTO otel_logs_and_spans (id, name) VALUES ('a', DEFAULT)",
            "INSERT INTO otel_logs_and_spans (id, name) SELECT id, name FROM otel_logs_and_spans",
            "INSERT INTO other_table (id) VALUES ('a')",
            "INSERT INTO other_schema.otel_logs_and_spans (id) VALUES ('a')",
            "INSERT INTO otel_logs_and_spans (id, name) VALUES ('a', $$dollar$$)",
            "INSERT INTO otel_logs_and_spans (id, name) VALUES ('a', 'unterminated)",
            "INSERT INTO otel_logs_and_spans (id, hashes) VALUES ('a', ARRAY[ARRAY['x']])",
            "WITH x AS (SELECT 1) INSERT INTO otel_logs_and_spans (id) VALUES ('a')",
            "INSERT INTO otel_logs_and_spans (id) VALUES ('a'); SELECT 1"})
    void leavesEveryOtherShapeToJSqlParser(String sql)
    {
        assertThat(ValuesInsertScanner.scan(sql)).isEmpty();
    }

    @Test
    void aNumberKeepsItsDigitsAndAStringItsQuotes()
    {
        IngestInsert insert = ValuesInsertScanner.scan("INSERT INTO otel_logs_and_spans (id, duration) VALUES ('''quoted''', 12.340)").orElseThrow();

        assertThat(insert).isEqualTo(new IngestInsert("otel_logs_and_spans", Optional.of(List.of("id", "duration")),
                List.of(List.of(new InsertCell.Text("'quoted'"), new InsertCell.Value(new BigDecimal("12.340")))), false));
    }
}
