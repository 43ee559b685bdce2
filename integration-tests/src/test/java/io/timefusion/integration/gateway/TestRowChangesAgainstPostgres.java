package io.timefusion.integration.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.timefusion.integration.corpus.CorpusTable;
import io.timefusion.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * UPDATE and DELETE through the gateway next to a real PostgreSQL 15 holding the same rows: the main client's enrichment
 * UPDATE … FROM (unnested parameters), UPDATE with = ANY, DELETE by project and time range, DELETE … USING, a DELETE of
 * nothing. Each leaves the same rows and reports the same count, in pgjdbc (extended protocol) and psycopg; concurrent
 * changes of one row lose no acknowledged change, as in Postgres. The
 * gateway runs with buffered ingest and a long flush interval, so every change finds the rows it must change still
 * in the write buffer: the change sees them all the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestRowChangesAgainstPostgres
{
    private static final int ROWS = 40;
    private static final String DAY = "2026-03-01";
    private static final String ENRICHMENT = """
            UPDATE otel_logs_and_spans SET hashes = array_append(hashes, u.hash)
            FROM (SELECT unnest(?::text[]) AS id, unnest(?::text[]) AS hash) u
            WHERE otel_logs_and_spans.id = u.id AND project_id = ? AND timestamp BETWEEN ?::timestamptz AND ?::timestamptz""";

    private TestingGateway gateway;
    private PostgresServer postgres;

    @BeforeAll
    void start()
            throws Exception
    {
        Path wal = Files.createTempDirectory("timefusion-row-changes-");
        gateway = TestingGateway.start(Map.of(
                "ingest.batch-queue.enabled", "true",
                "ingest.queue-db-path", wal.toString(),
                "ingest.batch-interval-ms", "3600000"));
        postgres = PostgresServer.start();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(CorpusTable.postgresDefinition());
            statement.execute("CREATE INDEX ON otel_logs_and_spans (project_id, timestamp)");
        }
    }

    @AfterAll
    void stop()
            throws Exception
    {
        gateway.close();
        postgres.close();
    }

    @Test
    void theEnrichmentUpdateAppendsEachRowsHashAsInPostgres()
            throws Exception
    {
        String project = "enrich";
        seed(project);
        List<Long> counts = onBoth(ENRICHMENT, (connection, update) -> {
            update.setArray(1, connection.createArrayOf("text", new String[] {"enrich-3", "enrich-7", "enrich-11", "no-such-row", "enrich-39"}));
            update.setArray(2, connection.createArrayOf("text", new String[] {"h-a", "h-b", "h-c", "h-d", "h-e"}));
            update.setString(3, project);
            update.setString(4, DAY + " 00:00:00+00");
            update.setString(5, DAY + " 00:30:00+00");
        });

        // enrich-39 lies outside the time range: not updated in either
        assertThat(counts).containsExactly(3L, 3L);
        assertSameRows(project);
    }

    @Test
    void anUpdateOfIdsInAnArrayParameterChangesTheSameRowsAsPostgres()
            throws Exception
    {
        String project = "any-ids";
        seed(project);
        String sql = "UPDATE otel_logs_and_spans SET level = 'WARN', hashes = hashes || ARRAY['checked'] WHERE id = ANY(?) AND project_id = ?";
        List<Long> counts = onBoth(sql, (connection, update) -> {
            Array ids = connection.createArrayOf("text", new String[] {"any-ids-1", "any-ids-2", "any-ids-30"});
            update.setArray(1, ids);
            update.setString(2, project);
        });

        assertThat(counts).containsExactly(3L, 3L);
        assertSameRows(project);
    }

    @Test
    void aDeleteByProjectAndTimeRangeRemovesTheSameRowsAsPostgres()
            throws Exception
    {
        String project = "delete-range";
        seed(project);
        String sql = "DELETE FROM otel_logs_and_spans WHERE project_id = ? AND timestamp >= ?::timestamptz AND timestamp < ?::timestamptz";
        List<Long> counts = onBoth(sql, (connection, delete) -> {
            delete.setString(1, project);
            delete.setString(2, DAY + " 00:10:00+00");
            delete.setString(3, DAY + " 00:20:00+00");
        });

        assertThat(counts).containsExactly(10L, 10L);
        assertSameRows(project);
    }

    @Test
    void aDeleteUsingUnnestedIdsRemovesTheSameRowsAsPostgres()
            throws Exception
    {
        String project = "delete-using";
        seed(project);
        String sql = "DELETE FROM otel_logs_and_spans t USING (SELECT unnest(?::text[]) AS id) d WHERE t.id = d.id AND t.project_id = ?";
        List<Long> counts = onBoth(sql, (connection, delete) -> {
            delete.setArray(1, connection.createArrayOf("text", new String[] {"delete-using-4", "delete-using-5", "other-project-row"}));
            delete.setString(2, project);
        });

        assertThat(counts).containsExactly(2L, 2L);
        assertSameRows(project);
    }

    @Test
    void aDeleteOfNothingReportsZeroAsPostgres()
            throws Exception
    {
        String project = "delete-nothing";
        seed(project);
        List<Long> counts = onBoth("DELETE FROM otel_logs_and_spans WHERE project_id = ? AND id = 'absent'", (_, delete) -> delete.setString(1, project));

        assertThat(counts).containsExactly(0L, 0L);
        assertSameRows(project);
    }

    @Test
    void anInsertImmediatelyFollowedByAnUpdateOfTheSameRowsUpdatesThemAll()
            throws Exception
    {
        String project = "insert-then-update";
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(insertStatement(project));
            assertThat(statement.executeUpdate("UPDATE otel_logs_and_spans SET level = 'FATAL' WHERE project_id = '%s'".formatted(project))).isEqualTo(ROWS);
            try (ResultSet levels = statement.executeQuery("SELECT count(*) FILTER (WHERE level = 'FATAL'), count(*) FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(project))) {
                assertThat(levels.next()).isTrue();
                assertThat(levels.getLong(1)).isEqualTo(ROWS);
                assertThat(levels.getLong(2)).isEqualTo(ROWS);
            }
        }
    }

    @Test
    void returningAndChangesOfStorageKeysAreRefusedAsNotSupported()
            throws Exception
    {
        String project = "refused";
        seed(project);
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE otel_logs_and_spans SET level = 'x' WHERE project_id = '%s' RETURNING id".formatted(project)))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"))
                    .hasMessageContaining("RETURNING");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE otel_logs_and_spans SET timestamp = timestamp + interval '1 hour' WHERE project_id = '%s'".formatted(project)))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"))
                    .hasMessageContaining("timestamp");
        }
        assertSameRows(project);
    }

    @Test
    void psycopgSeesTheSameCommandTagsAndRowsAsWithPostgres()
            throws Exception
    {
        String project = "psycopg";
        seed(project);
        String script = """
                import json, psycopg
                results = []
                for dsn in (DSN, POSTGRES_DSN):
                    with psycopg.connect(dsn, autocommit=True) as connection:
                        answers = []
                        cursor = connection.execute(
                            "UPDATE otel_logs_and_spans SET hashes = array_append(hashes, u.hash) FROM (SELECT unnest(%%s::text[]) AS id, unnest(%%s::text[]) AS hash) u "
                            "WHERE otel_logs_and_spans.id = u.id AND project_id = %%s", (['psycopg-1', 'psycopg-2'], ['x', 'y'], '%1$s'))
                        answers.append([cursor.statusmessage, cursor.rowcount])
                        cursor = connection.execute("DELETE FROM otel_logs_and_spans WHERE project_id = %%s AND id = ANY(%%s)", ('%1$s', ['psycopg-3', 'psycopg-4', 'none']))
                        answers.append([cursor.statusmessage, cursor.rowcount])
                        cursor = connection.execute("DELETE FROM otel_logs_and_spans WHERE project_id = %%s AND id = %%s", ('%1$s', 'none'))
                        answers.append([cursor.statusmessage, cursor.rowcount])
                        results.append(answers)
                print(json.dumps(results))
                """.formatted(project);
        ExternalProcess python = PythonClient.run(gateway, "psycopg", "POSTGRES_DSN = '" + postgres.dsn() + "'\n" + script);

        assertThat(python.exitCode()).as(python.stderr()).isZero();
        JsonNode results = new ObjectMapper().readTree(python.stdout());
        assertThat(results.get(0)).isEqualTo(results.get(1));
        assertThat(results.get(0).toString()).isEqualTo("[[\"UPDATE 2\",2],[\"DELETE 2\",2],[\"DELETE 0\",0]]");
        assertSameRows(project);
    }

    @Test
    void concurrentUpdatesOfTheSameRowLoseNoUpdate()
            throws Exception
    {
        String project = "concurrent";
        seed(project);
        int writers = 4;
        int updatesEach = 4;
        List<String> applied = Collections.synchronizedList(new ArrayList<>());
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService executor = Executors.newFixedThreadPool(writers)) {
            for (int writer = 0; writer < writers; writer++) {
                int w = writer;
                executor.submit(() -> {
                    try (Connection connection = gateway.connect(); PreparedStatement update = connection.prepareStatement(
                            "UPDATE otel_logs_and_spans SET hashes = array_append(hashes, ?) WHERE project_id = ? AND id = ?")) {
                        for (int i = 0; i < updatesEach; i++) {
                            String hash = "w%d-%d".formatted(w, i);
                            update.setString(1, hash);
                            update.setString(2, project);
                            update.setString(3, project + "-1");
                            try {
                                assertThat(update.executeUpdate()).isEqualTo(1);
                                applied.add(hash);
                            }
                            catch (SQLException e) {
                                // after its retries a change may still lose every race: then it reports 40001 and stored nothing
                                if (!"40001".equals(e.getSQLState())) {
                                    unexpected.add(e.getSQLState() + ": " + e.getMessage());
                                }
                            }
                        }
                    }
                    catch (SQLException e) {
                        unexpected.add(e.getMessage());
                    }
                });
            }
        }

        assertThat(unexpected).isEmpty();
        List<List<String>> row = rows(gateway.connect(), "SELECT array_join(hashes, ',') FROM otel_logs_and_spans WHERE project_id = '%s' AND id = '%s-1'".formatted(project, project));
        List<String> hashes = List.of(row.getFirst().getFirst().split(","));
        // every acknowledged change is there, and no other
        assertThat(hashes.subList(2, hashes.size())).containsExactlyInAnyOrderElementsOf(applied);
        assertThat(applied).isNotEmpty();
    }

    interface Parameters
    {
        void bind(Connection connection, PreparedStatement statement)
                throws SQLException;
    }

    /** The counts of one statement run with the same parameters through the gateway, then on PostgreSQL. */
    private List<Long> onBoth(String sql, Parameters parameters)
            throws SQLException
    {
        List<Long> counts = new ArrayList<>();
        for (Connection connection : List.of(gateway.connect(), postgres.connect())) {
            try (connection; PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(connection, statement);
                counts.add((long) statement.executeUpdate());
            }
        }
        return counts;
    }

    /** The same rows in both: {@code ROWS} spans of the project a minute apart from midnight, with two hashes each. */
    private void seed(String project)
            throws SQLException
    {
        for (Connection connection : List.of(gateway.connect(), postgres.connect())) {
            try (connection; Statement statement = connection.createStatement()) {
                assertThat(statement.executeUpdate(insertStatement(project))).isEqualTo(ROWS);
            }
        }
    }

    private static String insertStatement(String project)
    {
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < ROWS; i++) {
            values.add("('%1$s-%2$d', '%1$s', '%3$s 00:%4$02d:00+00', 'span %5$d', %6$s, ARRAY['h%2$d', 'g%5$d'])"
                    .formatted(project, i, DAY, i, i % 4, i % 3 == 0 ? "NULL" : "'INFO'"));
        }
        return "INSERT INTO otel_logs_and_spans (id, project_id, timestamp, name, level, hashes) VALUES " + values;
    }

    private void assertSameRows(String project)
            throws SQLException
    {
        String query = "SELECT id, timestamp, name, level, hashes FROM otel_logs_and_spans WHERE project_id = '%s' ORDER BY id".formatted(project);
        assertThat(rows(gateway.connect(), query)).isEqualTo(rows(postgres.connect(), query));
    }

    private static List<List<String>> rows(Connection connection, String query)
            throws SQLException
    {
        List<List<String>> rows = new ArrayList<>();
        try (connection; Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
