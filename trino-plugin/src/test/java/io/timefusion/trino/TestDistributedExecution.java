package io.timefusion.trino;

import io.timefusion.testing.QueryStatistics;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.Session;
import io.trino.spi.QueryId;
import io.trino.testing.DistributedQueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Trino is how TimeFusion scales out: writes and scans run on every node of a cluster (here a coordinator and two workers). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestDistributedExecution
{
    @TempDir
    static Path dataDirectory;
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder()
                .withWorkers(2)
                .withConnectorProperties(TimeFusionQueryRunner.localProperties(dataDirectory))
                .build();
    }

    @AfterAll
    void stopTrino()
    {
        queryRunner.close();
    }

    @Test
    void insertSelectIsWrittenOnSeveralNodesAsOneCommitAndScannedOnSeveralNodes()
            throws IOException
    {
        // tpch splits spread the source over the nodes; without scale_writers every node with rows writes them itself
        Session session = Session.builder(queryRunner.getDefaultSession())
                .setSystemProperty("scale_writers", "false")
                .build();
        QueryId insert = queryRunner.executeWithPlan(session, """
                INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date, name, duration)
                SELECT 'order-' || CAST(orderkey AS varchar), 'project-' || CAST(custkey % 3 AS varchar),
                    CAST(orderdate AS timestamp(6) with time zone), orderdate, orderpriority, totalprice_cents
                FROM (SELECT orderkey, custkey, CAST(orderdate AS date) AS orderdate, orderpriority, CAST(totalprice * 100 AS bigint) AS totalprice_cents
                      FROM tpch.sf1.orders LIMIT 100000)
                """).queryId();
        assertThat(QueryStatistics.nodesWithRowsThrough(queryRunner, insert, QueryStatistics.TABLE_WRITERS)).hasSizeGreaterThan(1);
        assertThat(commitCount()).isEqualTo(1);
        assertThat(queryRunner.execute("SELECT count(*), count(DISTINCT id) FROM otel_logs_and_spans").getMaterializedRows().getFirst().getFields())
                .containsExactly(100_000L, 100_000L);

        QueryId scan = queryRunner.executeWithPlan(queryRunner.getDefaultSession(), "SELECT project_id, count(*), sum(duration) FROM otel_logs_and_spans GROUP BY project_id").queryId();
        assertThat(QueryStatistics.nodesWithRowsThrough(queryRunner, scan, QueryStatistics.TABLE_SCANS)).hasSizeGreaterThan(1);
    }

    private long commitCount()
            throws IOException
    {
        try (Stream<Path> files = Files.list(dataDirectory.resolve("timefusion/otel_logs_and_spans/_delta_log"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).count();
        }
    }
}
