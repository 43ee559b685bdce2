package io.timefusion.integration.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The gateway as Postgres clients see it: psql and pgjdbc against Trino with the timefusion connector. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestGatewayWithRealClients
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
    void psqlRunsTheReadmeInsertAndSelectsItBack()
            throws Exception
    {
        assumeTrue(ExternalProcess.available("psql"), "psql is not installed (Debian package postgresql-client; .ci/run installs it)");
        ExternalProcess psql = psql("""
                INSERT INTO otel_logs_and_spans (name, id, project_id, hashes, timestamp, date)
                VALUES ('GET /users', 'psql-1', 'psql', ARRAY[], TIMESTAMP '2025-03-01 12:00:00.123456 UTC', DATE '2025-03-01');
                SELECT name, id, timestamp, date FROM otel_logs_and_spans WHERE project_id = 'psql';
                """);
        assertThat(psql.exitCode()).as(psql.stderr()).isZero();
        assertThat(psql.stdout()).contains("INSERT 0 1");
        assertThat(psql.stdout()).contains("GET /users|psql-1|2025-03-01 12:00:00.123456+00|2025-03-01");
    }

    @Test
    void psqlStopsOnTheFirstErrorWithItsSqlState()
            throws Exception
    {
        assumeTrue(ExternalProcess.available("psql"), "psql is not installed (Debian package postgresql-client; .ci/run installs it)");
        ExternalProcess psql = psql("SELECT no_such_column FROM otel_logs_and_spans;\nSELECT 'not reached';\n");
        assertThat(psql.exitCode()).isEqualTo(3);
        assertThat(psql.stderr()).contains("42703");
        assertThat(psql.stdout()).doesNotContain("not reached");
    }

    private ExternalProcess psql(String script)
            throws Exception
    {
        return ExternalProcess.run(
                List.of("psql", "-h", "127.0.0.1", "-p", Integer.toString(gateway.pgwirePort()), "-U", TestingGateway.USER, "-d", "timefusion",
                        "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-X", "-A", "-t", "-f", "-"),
                Map.of("PGPASSWORD", TestingGateway.PASSWORD, "PGCONNECT_TIMEOUT", "10"),
                script);
    }

    @Test
    void pgjdbcInsertsEveryColumnBoundAsAParameter()
            throws SQLException
    {
        List<String> columns = columnNames();
        String sql = "INSERT INTO otel_logs_and_spans (%s) VALUES (%s)".formatted(
                String.join(", ", columns), String.join(", ", columns.stream().map(_ -> "?").toList()));
        try (Connection connection = gateway.connect(); PreparedStatement insert = connection.prepareStatement(sql)) {
            OffsetDateTime timestamp = OffsetDateTime.of(2025, 6, 1, 10, 11, 12, 345_678_000, ZoneOffset.UTC);
            for (int i = 0; i < columns.size(); i++) {
                bindSample(connection, insert, i + 1, columns.get(i), timestamp);
            }
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        for (boolean binary : List.of(false, true)) {
            Properties properties = new Properties();
            properties.setProperty("binaryTransfer", Boolean.toString(binary));
            properties.setProperty("prepareThreshold", binary ? "-1" : "5");
            try (Connection connection = gateway.connect(properties);
                    PreparedStatement select = connection.prepareStatement("SELECT timestamp, hashes, body, duration, context___is_remote, date FROM otel_logs_and_spans WHERE project_id = ? AND id = ?")) {
                select.setString(1, "jdbc-project");
                select.setString(2, "jdbc-1");
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getObject(1, OffsetDateTime.class)).isEqualTo(OffsetDateTime.of(2025, 6, 1, 10, 11, 12, 345_678_000, ZoneOffset.UTC));
                    Array hashes = rows.getArray(2);
                    assertThat((Object[]) hashes.getArray()).containsExactly("h1", "h,2", "h\"3");
                    assertThat(rows.getString(3)).isEqualTo("{\"message\":\"hello\",\"n\":[1,2]}");
                    assertThat(rows.getLong(4)).isEqualTo(1_234_567L);
                    assertThat(rows.getBoolean(5)).isTrue();
                    assertThat(rows.getString(6)).isEqualTo("2025-06-01");
                    assertThat(rows.next()).isFalse();
                }
            }
        }
    }

    private List<String> columnNames()
            throws SQLException
    {
        List<String> names = new ArrayList<>();
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = 'otel_logs_and_spans' ORDER BY ordinal_position")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        assertThat(names).hasSize(90);
        return names;
    }

    private static void bindSample(Connection connection, PreparedStatement insert, int index, String column, OffsetDateTime timestamp)
            throws SQLException
    {
        switch (column) {
            case "timestamp", "observed_timestamp", "start_time", "end_time" -> insert.setObject(index, timestamp);
            case "id" -> insert.setString(index, "jdbc-1");
            case "project_id" -> insert.setString(index, "jdbc-project");
            case "date" -> insert.setObject(index, timestamp.toLocalDate());
            case "hashes" -> insert.setArray(index, connection.createArrayOf("text", new String[] {"h1", "h,2", "h\"3"}));
            case "summary" -> insert.setArray(index, connection.createArrayOf("text", new String[] {}));
            case "body" -> insert.setObject(index, "{\"message\":\"hello\",\"n\":[1,2]}", Types.OTHER);
            case "severity", "context", "events", "attributes", "resource", "errors" -> insert.setObject(index, "{\"k\":\"" + column + "\"}", Types.OTHER);
            case "duration", "message_size_bytes", "attributes___http___request___body___size" -> insert.setLong(index, 1_234_567L);
            case "context___is_remote" -> insert.setBoolean(index, true);
            default -> {
                if (column.endsWith("port") || column.endsWith("number") || column.endsWith("status_code") && column.startsWith("attributes___http")
                        || column.endsWith("resend_count") || column.endsWith("batch___size")) {
                    insert.setInt(index, 42);
                }
                else {
                    insert.setString(index, "value of " + column);
                }
            }
        }
    }

    @Test
    void wrongPasswordIsRefusedWith28P01()
    {
        Properties properties = new Properties();
        properties.setProperty("password", "wrong-password");
        assertThatThrownBy(() -> gateway.connect(properties).close())
                .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void trinoErrorsArriveWithTheirPostgresSqlStates()
            throws SQLException
    {
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
            assertSqlState(statement, "SELEC 1", "42601");
            assertSqlState(statement, "SELECT * FROM no_such_table", "42P01");
            assertSqlState(statement, "SELECT no_such_column FROM otel_logs_and_spans", "42703");
            assertSqlState(statement, "SELECT 1 / 0", "22012");
            try (ResultSet rows = statement.executeQuery("SELECT 42")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static void assertSqlState(Statement statement, String sql, String sqlState)
    {
        assertThatThrownBy(() -> statement.executeQuery(sql).close())
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(sqlState);
                    assertThat(e.getMessage()).doesNotContain("at io.trino");
                });
    }

    @Test
    void aCancelRequestStopsALongQueryAndTheSessionStaysUsable()
            throws Exception
    {
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM UNNEST(sequence(1, 10000)) a(x) CROSS JOIN UNNEST(sequence(1, 10000)) b(y) CROSS JOIN UNNEST(sequence(1, 1000)) c(z) WHERE x + y + z < 0")) {
                    rows.next();
                }
                catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(1500);
            long cancelled = System.nanoTime();
            statement.cancel();
            assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(RuntimeException.class)
                    .rootCause()
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelled)).isLessThan(2000);
            try (ResultSet rows = statement.executeQuery("SELECT 'still usable'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("still usable");
            }
        }
    }

    @Test
    void fetchSizeStreamsAResultInPortalSteps()
            throws SQLException
    {
        try (Connection connection = gateway.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(100);
                long count = 0;
                long sum = 0;
                try (ResultSet rows = statement.executeQuery("SELECT x FROM UNNEST(sequence(1, 10000)) t(x)")) {
                    while (rows.next()) {
                        count++;
                        sum += rows.getLong(1);
                    }
                }
                assertThat(count).isEqualTo(10_000);
                assertThat(sum).isEqualTo(50_005_000L);
            }
            connection.commit();
        }
    }
}
