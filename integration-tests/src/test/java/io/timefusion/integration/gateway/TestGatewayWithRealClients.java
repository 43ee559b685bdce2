package io.timefusion.integration.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** The gateway as Postgres clients see it: psql, pgjdbc, pgbench and node-postgres against Trino with the timefusion connector. */
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

    @Test
    void psqlListsTheTableWithBackslashDt()
            throws Exception
    {
        assumeTrue(ExternalProcess.available("psql"), "psql is not installed (Debian package postgresql-client; .ci/run installs it)");
        ExternalProcess psql = psql("\\dt\n");
        assertThat(psql.exitCode()).as(psql.stderr()).isZero();
        assertThat(psql.stdout()).contains("public|otel_logs_and_spans|table|postgres");
    }

    @Test
    void pgbenchRunsACustomScriptWithUntypedParametersOverTheExtendedProtocol()
            throws Exception
    {
        pgbench("extended");
    }

    @Test
    void pgbenchRunsACustomScriptWithUntypedParametersAsPreparedStatements()
            throws Exception
    {
        pgbench("prepared");
    }

    @Test
    void nodePostgresInsertsWithUntypedParametersAndReadsTheRowBack()
            throws Exception
    {
        // node-postgres sends every parameter as text without a type, arrays in Postgres' array syntax
        String output = runNode("""
                const inserted = await client.query(
                    'INSERT INTO otel_logs_and_spans (id, project_id, timestamp, name, duration, hashes) VALUES ($1, $2, $3, $4, $5, $6)',
                    ['node-1', 'node-postgres', '2025-03-01T12:00:00.123Z', 'GET /node', 1500, ['h1', 'h2']]);
                const read = await client.query(
                    "SELECT id, name, duration, hashes, timestamp FROM otel_logs_and_spans WHERE project_id = $1 AND duration > $2 AND name LIKE 'GET ' || $3",
                    ['node-postgres', 1000, '%']);
                console.log(JSON.stringify({ command: inserted.command, count: inserted.rowCount,
                    rows: read.rows.map(row => [row.id, row.name, String(row.duration), row.hashes, row.timestamp.toISOString()]) }));
                """);

        assertThat(output).isEqualTo("{\"command\":\"INSERT\",\"count\":1,\"rows\":[[\"node-1\",\"GET /node\",\"1500\",[\"h1\",\"h2\"],\"2025-03-01T12:00:00.123Z\"]]}");
    }

    @Test
    void nodePostgresUntypedParametersTakeTheTypeTheirFunctionArgumentHas()
            throws Exception
    {
        // as Postgres answers: round(unknown, int) reads the text as numeric, coalesce(unknown, 0) as integer
        assertThat(nodeQuery("SELECT round($1, 1) AS r, lower($2) AS l, coalesce($3, 0) + 1 AS c, length($4) AS n, greatest($5, 2) AS g",
                "['2.25', 'ABC', '41', 'abcd', '7']"))
                .isEqualTo("[{\"r\":\"2.3\",\"l\":\"abc\",\"c\":42,\"n\":4,\"g\":7}]");
    }

    @Test
    void nodePostgresUntypedParametersAreReadAsPostgresPrefersForTheirCategory()
            throws Exception
    {
        // as PostgreSQL 15 answers: a numeric function reads an unknown as double precision, not as Trino's narrowest
        // overload; beside a decimal as numeric of the value's own scale (Trino's choice, decimal(1,0), made 4.7 into 5);
        // where string and other candidates remain, as text
        assertThat(nodeQuery("SELECT abs($1) AS a, floor($2) AS f, $3 * 2.5 AS m, $4 + 1.0 AS p, substr($5, 2) AS s, position('b' in $6) AS i, substr($7, $8) AS t",
                "['-2.5', '2.7', '4.7', '2.25', 'hello', 'abc', 'hello', '3']"))
                .isEqualTo("[{\"a\":2.5,\"f\":2,\"m\":\"11.75\",\"p\":\"3.25\",\"s\":\"ello\",\"i\":2,\"t\":\"llo\"}]");
    }

    @Test
    void anUntypedOperandOfAnOperatorWithSeveralCandidatesIsRefusedAsPostgresRefusesIt()
            throws Exception
    {
        // Postgres: operator is not unique: unknown + unknown (42725)
        assertThat(nodeQuery("SELECT $1 + $2 AS v", "['1', '2']")).startsWith("ERROR 42725 ");
    }

    @Test
    void anUntypedParameterOfAFunctionWithSeveralCandidatesIsRefusedAsPostgresRefusesIt()
            throws Exception
    {
        // Postgres: function date_trunc(unknown, unknown) is not unique (42725)
        assertThat(nodeQuery("SELECT date_trunc('hour', $1) AS h", "['2025-03-01 12:34:56+00']")).startsWith("ERROR 42725 function call is not unique");
    }

    /** The rows node-postgres reads for a query with untyped text parameters, as JSON, or {@code ERROR <sqlstate> <message>}. */
    private String nodeQuery(String sql, String parameters)
            throws Exception
    {
        return runNode("""
                try {
                  const result = await client.query(%s, %s);
                  console.log(JSON.stringify(result.rows));
                }
                catch (error) {
                  console.log('ERROR ' + error.code + ' ' + error.message);
                }
                """.formatted("'" + sql.replace("'", "\\'") + "'", parameters));
    }

    /** Runs {@code body} in node with {@code client}, a node-postgres client connected to the gateway; returns what it printed. */
    private String runNode(String body)
            throws Exception
    {
        Path modules = Path.of(System.getProperty("user.home"), ".cache", "timefusion-node-clients", "node_modules");
        assumeTrue(ExternalProcess.available("node") && Files.isDirectory(modules.resolve("pg")),
                "node or node-postgres is not installed (.ci/run installs pg with npm into ~/.cache/timefusion-node-clients)");
        String script = """
                const { Client } = require('pg');
                (async () => {
                  const client = new Client({ host: '127.0.0.1', port: %d, user: '%s', password: '%s', database: 'timefusion' });
                  await client.connect();
                  %s
                  await client.end();
                })().catch(error => { console.error(error.message); process.exit(1); });
                """.formatted(gateway.pgwirePort(), TestingGateway.USER, TestingGateway.PASSWORD, body);
        ExternalProcess node = ExternalProcess.run(List.of("node", "-e", script), Map.of("NODE_PATH", modules.toString()), "");
        assertThat(node.exitCode()).as(node.stderr()).isZero();
        return node.stdout().strip();
    }

    /** A custom script of INSERTs and SELECTs, 2 clients × 5 transactions, with pgbench's {@code -M protocol}. */
    private void pgbench(String protocol)
            throws Exception
    {
        assumeTrue(ExternalProcess.available("pgbench"), "pgbench is not installed (Debian package postgresql-client; .ci/run installs it)");
        String project = "pgbench-" + protocol;
        Path script = Files.createTempFile("pgbench-", ".sql");
        try {
            // pgbench sends :variables as parameters without a type; Postgres types them from the || with text
            Files.writeString(script, """
                    \\set r random(1, 1000000000)
                    INSERT INTO otel_logs_and_spans (id, project_id, timestamp, name) VALUES ('pgb-' || :client_id || '-' || :r, '%s', now(), 'pgbench span');
                    SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s' AND id LIKE 'pgb-' || :client_id || '-%%';
                    """.formatted(project, project));
            ExternalProcess pgbench = ExternalProcess.run(
                    List.of("pgbench", "-n", "-M", protocol, "-c", "2", "-t", "5", "-f", script.toString(),
                            "-h", "127.0.0.1", "-p", Integer.toString(gateway.pgwirePort()), "-U", TestingGateway.USER, "timefusion"),
                    Map.of("PGPASSWORD", TestingGateway.PASSWORD, "PGCONNECT_TIMEOUT", "10"),
                    "");
            assertThat(pgbench.exitCode()).as(pgbench.stdout() + pgbench.stderr()).isZero();
            assertThat(pgbench.stdout()).contains("number of failed transactions: 0");
        }
        finally {
            Files.deleteIfExists(script);
        }
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE id LIKE 'pgb-_-%%') FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(project))) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(10);
            assertThat(rows.getLong(2)).isEqualTo(10);
        }
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
    void everyMappedTypeReadsBackInTextAndBinary()
            throws SQLException
    {
        for (boolean binary : List.of(false, true)) {
            Properties properties = new Properties();
            properties.setProperty("binaryTransfer", Boolean.toString(binary));
            properties.setProperty("prepareThreshold", binary ? "-1" : "5");
            try (Connection connection = gateway.connect(properties); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("""
                            SELECT true, SMALLINT '-2', 3, BIGINT '9223372036854775807', REAL '1.5', DOUBLE '-2.25', DECIMAL '12345.678',
                                'text ✓', CAST('ab' AS char(3)), DATE '2025-01-02', TIME '01:02:03.123456', TIMESTAMP '2025-01-02 03:04:05.123456',
                                TIMESTAMP '2025-01-02 03:04:05.123456 +02:00', INTERVAL '1 02:03:04.5' DAY TO SECOND, X'00ff', JSON '{"a":[1,null]}',
                                UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59', ARRAY[1, NULL, 3], ARRAY['x', 'y,z'], CAST(NULL AS varchar)
                            """)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getBoolean(1)).isTrue();
                assertThat(rows.getShort(2)).isEqualTo((short) -2);
                assertThat(rows.getInt(3)).isEqualTo(3);
                assertThat(rows.getLong(4)).isEqualTo(Long.MAX_VALUE);
                assertThat(rows.getFloat(5)).isEqualTo(1.5f);
                assertThat(rows.getDouble(6)).isEqualTo(-2.25);
                assertThat(rows.getBigDecimal(7)).isEqualByComparingTo("12345.678");
                assertThat(rows.getString(8)).isEqualTo("text ✓");
                assertThat(rows.getString(9)).isEqualTo("ab ");
                assertThat(rows.getObject(10, java.time.LocalDate.class)).isEqualTo(java.time.LocalDate.of(2025, 1, 2));
                assertThat(rows.getObject(11, java.time.LocalTime.class)).isEqualTo(java.time.LocalTime.of(1, 2, 3, 123_456_000));
                assertThat(rows.getObject(12, java.time.LocalDateTime.class)).isEqualTo(java.time.LocalDateTime.of(2025, 1, 2, 3, 4, 5, 123_456_000));
                assertThat(rows.getObject(13, OffsetDateTime.class)).isEqualTo(OffsetDateTime.of(2025, 1, 2, 1, 4, 5, 123_456_000, ZoneOffset.UTC));
                assertThat(rows.getString(14)).isEqualTo("1 day 02:03:04.5");
                assertThat(rows.getBytes(15)).containsExactly(0, 0xff);
                assertThat(rows.getString(16)).isEqualTo("{\"a\":[1,null]}");
                assertThat(rows.getObject(17)).isEqualTo(java.util.UUID.fromString("12151fd2-7586-11e9-8f9e-2a86e4085a59"));
                assertThat((Object[]) rows.getArray(18).getArray()).containsExactly(1, null, 3);
                assertThat((Object[]) rows.getArray(19).getArray()).containsExactly("x", "y,z");
                assertThat(rows.getString(20)).isNull();
            }
        }
    }

    @Test
    void serverPreparedStatementsBindBinaryParametersAndAnInsertDescribesAsNoData()
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("binaryTransfer", "true");
        properties.setProperty("prepareThreshold", "-1");
        try (Connection connection = gateway.connect(properties)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date, duration, attributes___http___response___status_code) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, "binary-1");
                insert.setString(2, "binary-parameters");
                insert.setObject(3, OffsetDateTime.of(2025, 7, 1, 0, 0, 0, 1_000, ZoneOffset.UTC));
                insert.setObject(4, java.time.LocalDate.of(2025, 7, 1));
                insert.setLong(5, -5L);
                insert.setInt(6, 503);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT duration + ?, attributes___http___response___status_code * ?, timestamp FROM otel_logs_and_spans WHERE project_id = ? AND duration < ?")) {
                select.setLong(1, 10L);
                select.setInt(2, 2);
                select.setString(3, "binary-parameters");
                select.setDouble(4, 0.5);
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(1)).isEqualTo(5L);
                    assertThat(rows.getInt(2)).isEqualTo(1006);
                    assertThat(rows.getObject(3, OffsetDateTime.class)).isEqualTo(OffsetDateTime.of(2025, 7, 1, 0, 0, 0, 1_000, ZoneOffset.UTC));
                    assertThat(rows.next()).isFalse();
                }
            }
        }
    }

    @Test
    void healthReportsThatTrinoAnswers()
            throws Exception
    {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.httpUrl() + "/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"ok\"").contains("\"reachable\":true").contains("\"version\":\"testversion\"");
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
