package io.timefusion.integration.ingest;

import io.timefusion.integration.gateway.ExternalProcess;
import io.timefusion.integration.gateway.TestingGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** COPY … FROM STDIN through the gateway with psql's \copy and pgjdbc's CopyManager: all rows or none. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestCopyFromStdin
{
    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        gateway = TestingGateway.start();
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void psqlCopiesAHundredThousandLineCsvFile()
            throws Exception
    {
        assumeTrue(ExternalProcess.available("psql"), "psql is not installed (Debian package postgresql-client)");
        Path csv = Files.createTempFile("copy-", ".csv");
        try {
            StringBuilder lines = new StringBuilder("id,project_id,timestamp,level,body\n");
            for (int i = 0; i < 100_000; i++) {
                lines.append("big-%d,copy-big,2025-06-01 12:%02d:%02d.123456+00,INFO,\"{\"\"n\"\": %d}\"\n".formatted(i, i / 60 % 60, i % 60, i));
            }
            Files.writeString(csv, lines);
            ExternalProcess psql = psql("\\copy otel_logs_and_spans (id, project_id, timestamp, level, body) from '%s' with (format csv, header)\n".formatted(csv));
            assertThat(psql.exitCode()).as(psql.stderr()).isZero();
            assertThat(psql.stdout()).contains("COPY 100000");
            assertThat(count("SELECT count(DISTINCT id) FROM otel_logs_and_spans WHERE project_id = 'copy-big'")).isEqualTo(100_000);
        }
        finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void aCsvWithOneMalformedLineLoadsNothingAndNamesTheLine()
            throws Exception
    {
        assumeTrue(ExternalProcess.available("psql"), "psql is not installed (Debian package postgresql-client)");
        Path csv = Files.createTempFile("copy-bad-", ".csv");
        try {
            StringBuilder lines = new StringBuilder("id,project_id,timestamp,level\n");
            for (int i = 0; i < 1000; i++) {
                lines.append(i == 499 ? "bad-499,copy-bad,2025-06-01 12:00:00+00,INFO,surplus\n" : "bad-%d,copy-bad,2025-06-01 12:00:00+00,INFO\n".formatted(i));
            }
            Files.writeString(csv, lines);
            ExternalProcess psql = psql("\\copy otel_logs_and_spans (id, project_id, timestamp, level) from '%s' with (format csv, header)\n".formatted(csv));
            assertThat(psql.exitCode()).isNotZero();
            assertThat(psql.stderr()).contains("22P04").contains("extra data after last expected column").contains("COPY otel_logs_and_spans, line 501");
            assertThat(count("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'copy-bad'")).isZero();
        }
        finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void aValueThatIsNotValidForItsColumnNamesLineAndColumn()
            throws Exception
    {
        try (Connection connection = gateway.connect()) {
            String data = "v-1\tcopy-value\t2025-06-01 12:00:00+00\t200\nv-2\tcopy-value\t2025-06-01 12:00:00+00\tnot-a-number\n";
            assertThatThrownBy(() -> copy(connection, "COPY otel_logs_and_spans (id, project_id, timestamp, attributes___http___response___status_code) FROM STDIN", data))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22P02");
                        assertThat(e.getServerErrorMessage().getWhere()).isEqualTo("COPY otel_logs_and_spans, line 2, column attributes___http___response___status_code: \"not-a-number\"");
                    });
            // the session goes on after the failed COPY
            assertThat(count("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'copy-value'")).isZero();
        }
    }

    @Test
    void textFormatReadsBackslashEscapesAndNulls()
            throws Exception
    {
        try (Connection connection = gateway.connect()) {
            String data = "t-1\tcopy-text\t2025-06-01 12:00:00+00\ttab\\there\\nnewline \\\\ \\x41\\101\n"
                    + "t-2\tcopy-text\t2025-06-01 12:00:00+00\t\\N\n"
                    + "\\.\n";
            assertThat(copy(connection, "COPY otel_logs_and_spans (id, project_id, timestamp, name) FROM STDIN", data)).isEqualTo(2);
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id, name FROM otel_logs_and_spans WHERE project_id = 'copy-text' ORDER BY id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).isEqualTo("tab\there\nnewline \\ AA");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).isNull();
            }
        }
    }

    private static long copy(Connection connection, String sql, String data)
            throws Exception
    {
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
    }

    private long count(String sql)
            throws SQLException
    {
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }

    private ExternalProcess psql(String script)
            throws Exception
    {
        return ExternalProcess.run(
                List.of("psql", "-h", "127.0.0.1", "-p", Integer.toString(gateway.pgwirePort()), "-U", TestingGateway.USER, "-d", "timefusion",
                        "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-X", "-f", "-"),
                Map.of("PGPASSWORD", TestingGateway.PASSWORD, "PGCONNECT_TIMEOUT", "10"),
                script);
    }
}
