package io.timefusion.bench;

import io.timefusion.testing.QueryStatistics;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.spi.QueryId;
import io.trino.testing.DistributedQueryRunner;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;

/** The in-process Trino (one coordinator that also runs the tasks) whose timefusion catalogs the benchmark writes and reads. */
final class BenchCluster
        implements AutoCloseable
{
    static final String CATALOG = TimeFusionQueryRunner.CATALOG;
    static final String SCHEMA = "public";
    static final String TABLE = "otel_logs_and_spans";

    private final DistributedQueryRunner queryRunner;
    private final BenchStorage storage;

    private BenchCluster(DistributedQueryRunner queryRunner, BenchStorage storage)
    {
        this.queryRunner = queryRunner;
        this.storage = storage;
    }

    static BenchCluster start(BenchStorage storage)
            throws Exception
    {
        DistributedQueryRunner queryRunner = TimeFusionQueryRunner.builder()
                .withConnectorProperties(storage.catalogProperties(CATALOG))
                // a 10,000-row VALUES statement is ~7 MB of SQL; the default limit is 1,000,000 characters
                .withCoordinatorProperty("query.max-length", "1000000000")
                // PLATFORM §10: finished tasks kept for the default 15 minutes keep 2 cores busy between statements;
                // the testing server already shortens query.min-expire-age to 5 s
                .withCoordinatorProperty("task.info.max-age", "30s")
                // as ./timefusion's one node (etc/config.properties.template): an ORDER BY sorts in the last stage
                .withCoordinatorProperty("distributed-sort", "false")
                .build();
        return new BenchCluster(queryRunner, storage);
    }

    /** A further timefusion catalog with its own empty table, so a run can start from nothing. */
    void addCatalog(String catalog)
    {
        queryRunner.createCatalog(catalog, "timefusion", storage.catalogProperties(catalog));
    }

    static String table(String catalog)
    {
        return catalog + "." + SCHEMA + "." + TABLE;
    }

    Path tableDirectory(String catalog)
    {
        return storage.tableDirectory(catalog);
    }

    URI coordinatorUrl()
    {
        return queryRunner.getCoordinator().getBaseUrl();
    }

    TrinoClient connect()
            throws SQLException
    {
        return new TrinoClient(coordinatorUrl(), CATALOG, SCHEMA);
    }

    /** A connection of the admin principal, who alone may run OPTIMIZE, VACUUM and the connector's other procedures. */
    TrinoClient connectAsAdmin()
            throws SQLException
    {
        return TrinoClient.admin(coordinatorUrl(), CATALOG, SCHEMA);
    }

    /** Rows the connector read from storage for a finished query: after skipping files and row groups, before its row filter. */
    long rowsRead(String queryId)
    {
        return QueryStatistics.rowsRead(queryRunner, new QueryId(queryId));
    }

    @Override
    public void close()
    {
        queryRunner.close();
    }
}
