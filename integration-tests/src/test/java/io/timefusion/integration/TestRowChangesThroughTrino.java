package io.timefusion.integration;

import com.fasterxml.jackson.databind.JsonNode;
import io.timefusion.testing.GeneratedRows;
import io.timefusion.testing.TableFiles;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * UPDATE, DELETE and MERGE straight on the catalog (as from the Trino CLI): copy-on-write of only the files that hold a
 * changed row, one Delta commit that Delta Kernel reads as Trino does, whole partitions deleted without rewriting, the
 * storage key columns refused, and a failed change leaving the table as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestRowChangesThroughTrino
{
    private static final String DAY = "2026-03-01";
    private static final String NEXT_DAY = "2026-03-02";

    @TempDir
    static Path dataDirectory;
    private DistributedQueryRunner queryRunner;
    private TableFiles files;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder()
                .withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory))
                .build();
        files = new TableFiles(dataDirectory);
    }

    @AfterAll
    void stopTrino()
    {
        files.close();
        queryRunner.close();
    }

    @Test
    void anUpdateRewritesOnlyTheFilesHoldingMatchedRowsAndKernelReadsTheResult()
    {
        String project = "u-update";
        queryRunner.execute(GeneratedRows.insert("timefusion", project, DAY, 1, 300));
        queryRunner.execute(GeneratedRows.insert("timefusion", project, DAY, 2, 300));
        Set<String> filesBefore = paths(files.liveFiles(project, DAY));
        assertThat(filesBefore).hasSize(2);
        List<Map<String, Object>> before = rowsOf(project);

        MaterializedResult result = queryRunner.execute("""
                UPDATE otel_logs_and_spans SET hashes = hashes || 'enriched', level = 'WARN'
                WHERE project_id = '%s' AND id IN ('row-1-5', 'row-1-7', 'row-1-9')""".formatted(project));

        assertThat(result.getUpdateCount()).hasValue(3);
        List<Map<String, Object>> after = rowsOf(project);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            Map<String, Object> expected = new LinkedHashMap<>(before.get(i));
            if (Set.of("row-1-5", "row-1-7", "row-1-9").contains((String) expected.get("id"))) {
                List<Object> hashes = new ArrayList<>((List<?>) expected.get("hashes"));
                hashes.add("enriched");
                expected.put("hashes", hashes);
                expected.put("level", "WARN");
            }
            assertThat(after.get(i)).isEqualTo(expected);
        }
        // the second append's file held no matched row: it is still live, untouched
        Set<String> filesAfter = paths(files.liveFiles(project, DAY));
        assertThat(filesAfter).hasSize(3);
        assertThat(filesBefore.stream().filter(filesAfter::contains)).hasSize(1);
        assertThat(kernelRowsOf(project)).isEqualTo(after);
    }

    @Test
    void aDeleteByTimeRangeRemovesExactlyTheRowsInTheRange()
    {
        String project = "u-delete-range";
        queryRunner.execute(GeneratedRows.insert("timefusion", project, DAY, 1, 500));
        String range = "timestamp >= TIMESTAMP '%s 06:00:00 UTC' AND timestamp < TIMESTAMP '%s 12:00:00 UTC'".formatted(DAY, DAY);
        long inRange = (long) queryRunner.execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s' AND %s".formatted(project, range)).getOnlyValue();
        assertThat(inRange).isBetween(1L, 499L);

        MaterializedResult result = queryRunner.execute("DELETE FROM otel_logs_and_spans WHERE project_id = '%s' AND %s".formatted(project, range));

        assertThat(result.getUpdateCount()).hasValue(inRange);
        assertThat(queryRunner.execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s' AND %s".formatted(project, range)).getOnlyValue()).isEqualTo(0L);
        assertThat(queryRunner.execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(project)).getOnlyValue()).isEqualTo(500 - inRange);
        assertThat(kernelRowsOf(project)).isEqualTo(rowsOf(project));
    }

    @Test
    void aDeleteOfWholePartitionsRemovesTheirFilesWithoutWritingAny()
            throws IOException
    {
        String project = "u-delete-partition";
        queryRunner.execute(GeneratedRows.insert("timefusion", project, DAY, 1, 200));
        queryRunner.execute(GeneratedRows.insert("timefusion", project, DAY, 2, 200));
        queryRunner.execute(GeneratedRows.insert("timefusion", project, NEXT_DAY, 3, 100));

        MaterializedResult result = queryRunner.execute("DELETE FROM otel_logs_and_spans WHERE project_id = '%s' AND date = DATE '%s'".formatted(project, DAY));

        assertThat(result.getUpdateCount()).hasValue(400);
        assertThat(files.liveFiles(project, DAY)).isEmpty();
        List<JsonNode> commit = files.commit(files.snapshot().version());
        assertThat(commit.stream().map(action -> action.fieldNames().next())).contains("remove").doesNotContain("add");
        assertThat(commit.getFirst().path("commitInfo").path("operation").asText()).isEqualTo("DELETE");
        assertThat(queryRunner.execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(project)).getOnlyValue()).isEqualTo(100L);
    }

    @Test
    void aDeleteMatchingNothingCommitsNothing()
    {
        String project = "u-delete-nothing";
        queryRunner.execute(GeneratedRows.insert("timefusion", project, DAY, 1, 50));
        long version = files.snapshot().version();

        MaterializedResult result = queryRunner.execute("DELETE FROM otel_logs_and_spans WHERE project_id = '%s' AND id = 'no-such-row'".formatted(project));

        assertThat(result.getUpdateCount()).hasValue(0);
        assertThat(files.snapshot().version()).isEqualTo(version);
    }

    @Test
    void aMergeUpdatesMatchedRowsAndInsertsTheOthers()
    {
        String project = "u-merge";
        queryRunner.execute(GeneratedRows.insert("timefusion", project, DAY, 1, 100));

        MaterializedResult result = queryRunner.execute("""
                MERGE INTO otel_logs_and_spans t
                USING (VALUES ('row-1-3', 'hash-a'), ('new-row', 'hash-b')) AS s(id, hash)
                ON t.project_id = '%1$s' AND t.id = s.id
                WHEN MATCHED THEN UPDATE SET hashes = ARRAY[s.hash]
                WHEN NOT MATCHED THEN INSERT (timestamp, id, project_id, hashes, date)
                    VALUES (TIMESTAMP '%2$s 12:00:00 UTC', s.id, '%1$s', ARRAY[s.hash], DATE '%2$s')""".formatted(project, DAY));

        assertThat(result.getUpdateCount()).hasValue(2);
        assertThat(queryRunner.execute("SELECT id, hashes FROM otel_logs_and_spans WHERE project_id = '%s' AND id IN ('row-1-3', 'new-row') ORDER BY id".formatted(project)).getMaterializedRows())
                .extracting(row -> row.getFields())
                .containsExactly(List.of("new-row", List.of("hash-b")), List.of("row-1-3", List.of("hash-a")));
        assertThat(queryRunner.execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(project)).getOnlyValue()).isEqualTo(101L);
    }

    @Test
    void changingAColumnThatDecidesWhereARowIsStoredIsRefusedNamingIt()
    {
        String project = "u-key-columns";
        queryRunner.execute(GeneratedRows.insert("timefusion", project, DAY, 1, 10));

        for (String assignment : List.of("timestamp = timestamp + INTERVAL '1' DAY", "project_id = 'elsewhere'", "date = DATE '2026-01-01'")) {
            String column = assignment.substring(0, assignment.indexOf(' '));
            assertThatThrownBy(() -> queryRunner.execute("UPDATE otel_logs_and_spans SET %s WHERE project_id = '%s'".formatted(assignment, project)))
                    .hasMessageContaining("Column %s of otel_logs_and_spans cannot be updated", column);
        }
        assertThat(queryRunner.execute("SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'elsewhere'").getOnlyValue()).isEqualTo(0L);
    }

    @Test
    void aFailedUpdateLeavesTheTableUnchanged()
    {
        String project = "u-failed";
        queryRunner.execute(GeneratedRows.insert("timefusion", project, DAY, 1, 100));
        long version = files.snapshot().version();
        List<Map<String, Object>> before = rowsOf(project);

        // the division fails for some rows only, after others were already handed to the sinks
        assertThatThrownBy(() -> queryRunner.execute("""
                UPDATE otel_logs_and_spans SET severity___severity_number = 100 / (severity___severity_number - 7)
                WHERE project_id = '%s'""".formatted(project)))
                .hasMessageContaining("Division by zero");

        assertThat(files.snapshot().version()).isEqualTo(version);
        assertThat(rowsOf(project)).isEqualTo(before);
    }

    private List<Map<String, Object>> rowsOf(String project)
    {
        return VerifierRows.byId(VerifierRows.of(queryRunner.execute("SELECT * FROM otel_logs_and_spans WHERE project_id = '%s'".formatted(project))));
    }

    private List<Map<String, Object>> kernelRowsOf(String project)
    {
        return VerifierRows.byId(DeltaKernel.readRows(dataDirectory.resolve("timefusion/otel_logs_and_spans")).stream()
                .filter(row -> project.equals(row.get("project_id")))
                .toList());
    }

    private static Set<String> paths(List<AddFile> files)
    {
        return files.stream().map(AddFile::path).collect(Collectors.toSet());
    }
}
