package io.timefusion.bench;

import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.jdbc.QueryStats;
import io.trino.jdbc.TrinoStatement;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/** A Trino JDBC connection that runs one statement at a time and always reads every result row. */
final class TrinoClient
        implements AutoCloseable
{
    private final Connection connection;

    TrinoClient(URI coordinator, String catalog, String schema)
            throws SQLException
    {
        this(coordinator, catalog, schema, properties("bench"));
    }

    /** A connection of the catalog's admin principal, who alone may run the connector's procedures (OPTIMIZE among them). */
    static TrinoClient admin(URI coordinator, String catalog, String schema)
            throws SQLException
    {
        Properties properties = properties(TimeFusionQueryRunner.ADMIN_USER);
        properties.setProperty("extraCredentials", "timefusion.admin_secret:" + TimeFusionQueryRunner.ADMIN_SECRET);
        return new TrinoClient(coordinator, catalog, schema, properties);
    }

    private static Properties properties(String user)
    {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        return properties;
    }

    private TrinoClient(URI coordinator, String catalog, String schema, Properties properties)
            throws SQLException
    {
        this.connection = DriverManager.getConnection("jdbc:trino://%s:%d/%s/%s".formatted(coordinator.getHost(), coordinator.getPort(), catalog, schema), properties);
    }

    QueryOutcome execute(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            // the driver hands the final statistics only to a progress monitor; an INSERT has no result set to ask
            AtomicReference<QueryStats> last = new AtomicReference<>();
            statement.unwrap(TrinoStatement.class).setProgressMonitor(last::set);
            long start = System.nanoTime();
            long updateCount = -1;
            if (statement.execute(sql)) {
                try (ResultSet resultSet = statement.getResultSet()) {
                    drain(resultSet);
                }
            }
            else {
                updateCount = statement.getLargeUpdateCount();
            }
            long wallNanos = System.nanoTime() - start;
            QueryStats stats = last.get();
            return new QueryOutcome(stats.getQueryId(), wallNanos, updateCount, stats.getPlanningTimeMillis(), stats.getCpuTimeMillis(), stats.getProcessedRows(), stats.getProcessedBytes(), stats.getPeakMemoryBytes());
        }
    }

    /** The first column of the only row, e.g. a count. */
    long queryLong(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            if (!resultSet.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            long value = resultSet.getLong(1);
            // closing a result set with rows left cancels the query, so read to the end even when one row is expected
            drain(resultSet);
            return value;
        }
    }

    /** The bigint columns of the only row, e.g. several aggregates read at one moment. */
    long[] queryLongs(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            if (!resultSet.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            long[] values = new long[resultSet.getMetaData().getColumnCount()];
            for (int column = 0; column < values.length; column++) {
                values[column] = resultSet.getLong(column + 1);
            }
            drain(resultSet);
            return values;
        }
    }

    private static void drain(ResultSet resultSet)
            throws SQLException
    {
        while (resultSet.next()) {
            // reading is the point: the server finishes the query only when the client has taken every page
        }
    }

    @Override
    public void close()
            throws SQLException
    {
        connection.close();
    }
}
