package io.timefusion.gateway.trino;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A statement running on Trino: either rows to stream or the count of rows it changed. */
public sealed interface TrinoExecution
        extends AutoCloseable
{
    @Override
    void close()
            throws SQLException;

    /**
     * Rows streamed as the client reads them. Closing before the last row cancels the Trino query, which is what
     * a closed portal or a cancel means.
     */
    record Rows(Statement statement, ResultSet resultSet, List<TrinoColumn> columns, TrinoWaitClock waitClock)
            implements TrinoExecution
    {
        static Rows of(Statement statement, ResultSet resultSet, TrinoWaitClock waitClock)
                throws SQLException
        {
            ResultSetMetaData metadata = resultSet.getMetaData();
            List<TrinoColumn> columns = new ArrayList<>(metadata.getColumnCount());
            for (int column = 1; column <= metadata.getColumnCount(); column++) {
                columns.add(new TrinoColumn(metadata.getColumnLabel(column), TrinoType.parse(metadata.getColumnTypeName(column))));
            }
            return new Rows(statement, resultSet, List.copyOf(columns), waitClock);
        }

        /** Moves to the next row, waiting for Trino's next page if need be; false after the last. */
        public boolean next()
                throws SQLException
        {
            return waitClock.time(resultSet::next);
        }

        @Override
        public void close()
                throws SQLException
        {
            waitClock.time(() -> {
                try (statement) {
                    resultSet.close();
                }
                return null;
            });
        }
    }

    /** A statement without rows; {@code updateType} is Trino's name for what it did (INSERT, CREATE TABLE, …). */
    record Update(Statement statement, long updateCount, String updateType)
            implements TrinoExecution
    {
        @Override
        public void close()
                throws SQLException
        {
            statement.close();
        }
    }
}
