package io.timefusion.integration.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * psycopg 3 (server-side binding, pipeline mode) and psycopg2 against the gateway, which here offers TLS: libpq
 * clients prefer it, so these sessions are encrypted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestGatewayWithPsycopg
{
    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        Path directory = Files.createTempDirectory("gateway-tls-");
        Path certificate = directory.resolve("certificate.pem");
        Path key = directory.resolve("key.pem");
        ExternalProcess openssl = ExternalProcess.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString()), Map.of(), "");
        assertThat(openssl.exitCode()).as(openssl.stderr()).isZero();
        gateway = TestingGateway.start(Map.of("pgwire.tls.certificate-file", certificate.toString(), "pgwire.tls.key-file", key.toString()));
    }

    @Test
    void psqlRequiringTlsGetsAnEncryptedSession()
            throws Exception
    {
        assumeTrue(ExternalProcess.available("psql"), "psql is not installed (Debian package postgresql-client; .ci/run installs it)");
        ExternalProcess psql = ExternalProcess.run(
                List.of("psql", "host=127.0.0.1 port=%d dbname=timefusion user=%s sslmode=require".formatted(gateway.pgwirePort(), TestingGateway.USER),
                        "-X", "-v", "ON_ERROR_STOP=1", "-c", "\\conninfo", "-c", "SELECT 'over tls'"),
                Map.of("PGPASSWORD", TestingGateway.PASSWORD),
                "");
        assertThat(psql.exitCode()).as(psql.stderr()).isZero();
        assertThat(psql.stdout()).contains("SSL connection (protocol: TLSv1.3").contains("over tls");
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void psycopg3PipelineModeInsertsAHundredParameterisedRows()
            throws Exception
    {
        ExternalProcess python = python("psycopg", """
                import datetime, psycopg
                with psycopg.connect(DSN) as connection:
                    with connection.pipeline():
                        for i in range(100):
                            connection.execute(
                                "INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date, name, duration) VALUES (%s, %s, %s, %s, %s, %s)",
                                (f"pipe-{i}", "psycopg3", datetime.datetime(2025, 5, 1, 12, 0, i % 60, tzinfo=datetime.timezone.utc), datetime.date(2025, 5, 1), "pipelined", i))
                    row = connection.execute("SELECT count(*), count(DISTINCT id), sum(duration) FROM otel_logs_and_spans WHERE project_id = %s", ("psycopg3",)).fetchone()
                    print(row[0], row[1], row[2])
                """);
        assertThat(python.exitCode()).as(python.stderr()).isZero();
        assertThat(python.stdout().strip()).isEqualTo("100 100 4950");
    }

    @Test
    void psycopg2ReadsTimestampsArraysAndJsonWithABoundParameter()
            throws Exception
    {
        ExternalProcess python = python("psycopg2", """
                import datetime, psycopg2
                connection = psycopg2.connect(DSN)
                connection.autocommit = True
                cursor = connection.cursor()
                cursor.execute("INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date, hashes, body) "
                               "VALUES ('pg2-1', 'psycopg2', TIMESTAMP '2025-05-02 01:02:03.456789 UTC', DATE '2025-05-02', ARRAY['a', 'b''c'], JSON '{\\"k\\": [1, 2]}')")
                print(cursor.statusmessage)
                cursor.execute("SELECT timestamp, hashes, body FROM otel_logs_and_spans WHERE project_id = %s", ("psycopg2",))
                timestamp, hashes, body = cursor.fetchone()
                print(timestamp.isoformat(), hashes, body)
                """);
        assertThat(python.exitCode()).as(python.stderr()).isZero();
        assertThat(python.stdout().strip()).isEqualTo("INSERT 0 1\n2025-05-02T01:02:03.456789+00:00 ['a', \"b'c\"] {'k': [1, 2]}");
    }

    private ExternalProcess python(String module, String script)
            throws Exception
    {
        return PythonClient.run(gateway, module, script);
    }
}
