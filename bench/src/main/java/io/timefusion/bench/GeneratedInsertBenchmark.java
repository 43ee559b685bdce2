package io.timefusion.bench;

import java.sql.SQLException;

/**
 * Scenario 2d: 1,000,000 rows generated inside Trino, each run into a new catalog with an empty table, so the runs
 * start alike and the last one leaves exactly the 1 M-row table that the scan scenarios read.
 */
final class GeneratedInsertBenchmark
{
    private static final String CATALOG_PREFIX = "generated_";

    private final BenchCluster cluster;
    private final TrinoClient client;
    private String lastCatalog;

    GeneratedInsertBenchmark(BenchCluster cluster, TrinoClient client)
    {
        this.cluster = cluster;
        this.client = client;
    }

    ScenarioResult run()
            throws SQLException
    {
        Scenario scenario = new Scenario("INSERT … SELECT generated in Trino", "%,d rows".formatted(GeneratedInsert.ROWS), 1, 3);
        return scenario.run(client, this::prepare, outcome -> ClientInsertBenchmark.requireInserted(outcome, GeneratedInsert.ROWS), RowCount.WRITTEN);
    }

    /** The catalog the last run filled. */
    String lastCatalog()
    {
        if (lastCatalog == null) {
            throw new IllegalStateException("run() has not run");
        }
        return lastCatalog;
    }

    private String prepare(int index)
    {
        lastCatalog = CATALOG_PREFIX + index;
        cluster.addCatalog(lastCatalog);
        return GeneratedInsert.statement(BenchCluster.table(lastCatalog));
    }
}
