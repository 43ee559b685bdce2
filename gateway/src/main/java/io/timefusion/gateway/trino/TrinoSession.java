package io.timefusion.gateway.trino;

import io.trino.jdbc.TrinoStatement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The Trino side of one Postgres connection: a JDBC connection, the statement running on it, and the one
 * operation another thread may call, {@link #cancel()}.
 */
public final class TrinoSession
        implements AutoCloseable
{
    private final Connection connection;
    private volatile Statement running;
    private volatile boolean cancelRequested;
    private final AtomicLong describeCounter = new AtomicLong();
    private final TrinoWaitClock waitClock = new TrinoWaitClock();

    TrinoSession(Connection connection)
    {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** Starts a statement; rows are fetched as they are read from the result. */
    public TrinoExecution execute(String sql, Optional<Duration> timeout)
            throws SQLException
    {
        Statement statement = connection.createStatement();
        cancelRequested = false;
        try {
            if (timeout.isPresent()) {
                statement.setQueryTimeout((int) Math.max(1, Math.ceilDiv(timeout.get().toMillis(), 1000)));
            }
            running = statement;
            if (waitClock.time(() -> statement.execute(sql))) {
                return TrinoExecution.Rows.of(statement, statement.getResultSet(), waitClock);
            }
            return new TrinoExecution.Update(statement, statement.getLargeUpdateCount(), statement.unwrap(TrinoStatement.class).getUpdateType());
        }
        catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * The types Trino infers for the {@code ?} parameters of a statement; empty where it cannot tell. Asked with
     * PREPARE and DESCRIBE INPUT: the driver's ParameterMetaData names only the base type (array, not array(varchar)).
     */
    public List<Optional<TrinoType>> parameterTypes(String sqlWithQuestionMarks)
            throws SQLException
    {
        List<Optional<TrinoType>> types = new ArrayList<>();
        describe(sqlWithQuestionMarks, "DESCRIBE INPUT", row -> {
            String name = row.getString("Type");
            types.add(name == null || name.equals("unknown") ? Optional.empty() : Optional.of(TrinoType.parse(name)));
        });
        return types;
    }

    /** The result columns of a query, without running it (PREPARE and DESCRIBE OUTPUT, for full type names). */
    public List<TrinoColumn> describeOutput(String sqlWithQuestionMarks)
            throws SQLException
    {
        List<TrinoColumn> columns = new ArrayList<>();
        describe(sqlWithQuestionMarks, "DESCRIBE OUTPUT", row -> columns.add(new TrinoColumn(row.getString("Column Name"), TrinoType.parse(row.getString("Type")))));
        return columns;
    }

    private interface RowConsumer
    {
        void accept(ResultSet row)
                throws SQLException;
    }

    private void describe(String sql, String describe, RowConsumer consumer)
            throws SQLException
    {
        waitClock.time(() -> {
            describeWithoutClock(sql, describe, consumer);
            return null;
        });
    }

    private void describeWithoutClock(String sql, String describe, RowConsumer consumer)
            throws SQLException
    {
        String name = "timefusion_describe_" + describeCounter.incrementAndGet();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PREPARE " + name + " FROM " + sql);
            try (ResultSet rows = statement.executeQuery(describe + " " + name)) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
            finally {
                statement.execute("DEALLOCATE PREPARE " + name);
            }
        }
    }

    /** The column types of a table of the session's catalog and schema. */
    public List<TrinoColumn> tableColumns(String table)
            throws SQLException
    {
        return waitClock.time(() -> {
            List<TrinoColumn> columns = new ArrayList<>();
            try (var resultSet = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(), table, null)) {
                while (resultSet.next()) {
                    columns.add(new TrinoColumn(resultSet.getString("COLUMN_NAME"), TrinoType.parse(resultSet.getString("TYPE_NAME"))));
                }
            }
            return columns;
        });
    }

    /** The time this session's thread has spent waiting on Trino, for the gateway's own share of a statement. */
    public TrinoWaitClock waitClock()
    {
        return waitClock;
    }

    /** Cancels the running statement, if any; safe from any thread. */
    public void cancel()
    {
        Statement statement = running;
        if (statement != null) {
            cancelRequested = true;
            try {
                statement.cancel();
            }
            catch (SQLException _) {
                // the statement finished meanwhile: nothing left to cancel
            }
        }
    }

    /** Whether the statement started last was cancelled by {@link #cancel()}: its failure is then the client's doing. */
    public boolean cancelRequested()
    {
        return cancelRequested;
    }

    @Override
    public void close()
            throws SQLException
    {
        connection.close();
    }
}
