package io.timefusion.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A dashboard panel's query, prepared once and executed again and again with the same parameter, as a dashboard
 * refreshing a panel does. Each run is timed from execute until the last row has been read.
 */
final class DashboardQuery
        implements AutoCloseable
{
    static final String SQL = "SELECT level, count(*), avg(duration) FROM otel_logs_and_spans WHERE project_id = ? GROUP BY level ORDER BY level";
    static final String PROJECT = Workload.PROJECTS.getFirst();

    private final PreparedStatement statement;

    DashboardQuery(Connection connection)
            throws SQLException
    {
        this.statement = connection.prepareStatement(SQL);
        statement.setString(1, PROJECT);
    }

    /** Nanoseconds of one execution; reads every value so a result that is only half delivered cannot look fast. */
    long timedRun()
            throws SQLException
    {
        long start = System.nanoTime();
        int rows = 0;
        try (ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                resultSet.getString(1);
                resultSet.getLong(2);
                resultSet.getDouble(3);
                rows++;
            }
        }
        long nanos = System.nanoTime() - start;
        // the check runs after the clock stops; a wrong answer would make any latency meaningless
        if (rows != DashboardRows.LEVELS.size()) {
            throw new IllegalStateException("dashboard query returned %d rows, expected one per level (%d)".formatted(rows, DashboardRows.LEVELS.size()));
        }
        return nanos;
    }

    @Override
    public void close()
            throws SQLException
    {
        statement.close();
    }
}
