package io.timefusion.integration.corpus;

import io.timefusion.integration.gateway.TestingGateway;
import io.timefusion.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.timefusion.integration.corpus.ResultComparison.assertSameResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Issue #4's acceptance corpus (src/test/resources/corpus/cases.yaml): every case through the gateway by pgjdbc
 * and by psycopg 3 with both bindings, each compared with a real PostgreSQL holding the same rows. One dynamic
 * test per case and client, named for the case, so that a run lists exactly which constructs still differ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestAcceptanceCorpus
{
    private static final List<CorpusCase> CASES = CorpusCase.load();

    private PostgresServer postgres;
    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        postgres = PostgresServer.start();
        gateway = TestingGateway.start();
        List<Map<String, Object>> rows = CorpusRows.rows();
        CorpusLoader.intoTrino(gateway.queryRunner(), rows);
        try (Connection connection = postgres.connect()) {
            CorpusLoader.intoPostgres(connection, rows);
        }
    }

    @AfterAll
    void stop()
            throws Exception
    {
        try (PostgresServer _ = postgres; TestingGateway _ = gateway) {
            // both closed, even when one fails to close
        }
    }

    @Test
    void corpusHasAtLeastSixtyUniquelyNamedCases()
    {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(60);
        assertThat(CASES.stream().map(CorpusCase::name).distinct()).hasSameSizeAs(CASES);
    }

    @Test
    void bothServersHoldTheSameRows()
            throws Exception
    {
        // standard SQL only: this checks the load, not the translation
        String sql = "SELECT COUNT(*), COUNT(DISTINCT id), CAST(SUM(duration) AS bigint), MIN(timestamp), MAX(timestamp) FROM otel_logs_and_spans WHERE id LIKE 'span-%'";
        try (Connection reference = postgres.connect(); Connection actual = gateway.connect()) {
            assertSameResult(new CorpusCase("load", sql, null, null, null, null, null), PgJdbcRunner.run(reference, sql, List.of()), PgJdbcRunner.run(actual, sql, List.of()));
        }
    }

    @TestFactory
    Stream<DynamicTest> pgjdbcExtendedProtocol()
            throws SQLException
    {
        Connection reference = postgres.connect();
        ReconnectingConnection actual = new ReconnectingConnection(gateway::connect);
        return CASES.stream()
                .map(corpusCase -> dynamicTest(corpusCase.name(), () -> {
                    List<CorpusCase.Parameter> params = corpusCase.params("pgjdbc");
                    QueryResult expected = PgJdbcRunner.run(reference, corpusCase.postgresSql(), params);
                    assertSameResult(corpusCase, expected, PgJdbcRunner.run(actual.get(), corpusCase.sql(), params));
                }))
                .onClose(() -> {
                    try (reference; actual) {
                        // closed
                    }
                    catch (SQLException e) {
                        throw new RuntimeException(e);
                    }
                });
    }

    @TestFactory
    Stream<DynamicTest> psycopgClientSideBinding()
            throws Exception
    {
        return psycopg(PsycopgRunner.Binding.CLIENT, "psycopg-client");
    }

    @TestFactory
    Stream<DynamicTest> psycopgServerSideBinding()
            throws Exception
    {
        return psycopg(PsycopgRunner.Binding.SERVER, "psycopg-server");
    }

    private Stream<DynamicTest> psycopg(PsycopgRunner.Binding binding, String run)
            throws Exception
    {
        String gatewayDsn = "host=127.0.0.1 port=%d dbname=timefusion user=%s password=%s".formatted(gateway.pgwirePort(), TestingGateway.USER, TestingGateway.PASSWORD);
        Map<String, PsycopgRunner.Answers> answers = PsycopgRunner.run(binding, gatewayDsn, postgres.dsn(), CASES, run);
        return CASES.stream().map(corpusCase -> dynamicTest(corpusCase.name(), () -> {
            PsycopgRunner.Answers answer = answers.get(corpusCase.name());
            assertSameResult(corpusCase, answer.postgres(), answer.gateway());
        }));
    }
}
