package io.timefusion.bench;

import java.sql.SQLException;
import java.util.List;

/**
 * Scenario 2d: 1,000,000 rows generated inside Trino, each run into a new catalog with an empty table, so the runs
 * start alike and the last one leaves exactly the 1 M-row table that the scan scenarios read. The same rows are
 * also only generated and checksummed, without the INSERT: the difference is the timefusion write path.
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

    List<ScenarioResult> run()
            throws SQLException
    {
        String variant = "%,d rows".formatted(GeneratedInsert.ROWS);
        ScenarioResult insert = new Scenario("INSERT … SELECT generated in Trino", variant, 1, 3)
                .run(client, this::prepare, outcome -> ClientInsertBenchmark.requireInserted(outcome, GeneratedInsert.ROWS), RowCount.WRITTEN);
        ScenarioResult generateOnly = new Scenario("the same SELECT, only checksummed (no write)", variant, 1, 3)
                .run(client, _ -> GeneratedInsert.checksumQuery(), _ -> {}, RowCount.fixed(GeneratedInsert.ROWS));
        return List.of(insert, generateOnly);
    }

    /** The catalog the last INSERT filled. */
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
