package io.timefusion.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement run again and again on one connection: warm-ups, then measured runs, each timed from sending the
 * statement until its last row has been read, and the answer of the last run (every value as text) to compare.
 */
record QueryLatencies(Latencies latencies, List<String> answer)
{
    static QueryLatencies measure(Connection connection, String sql, int warmups, int runs)
            throws SQLException
    {
        for (int i = 0; i < warmups; i++) {
            run(connection, sql);
        }
        long[] nanos = new long[runs];
        List<String> answer = List.of();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            answer = run(connection, sql);
            nanos[i] = System.nanoTime() - start;
        }
        return new QueryLatencies(Latencies.of(nanos), answer);
    }

    private static List<String> run(Connection connection, String sql)
            throws SQLException
    {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = resultSet.getMetaData();
            while (resultSet.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= metadata.getColumnCount(); column++) {
                    row.append(column == 1 ? "" : " | ").append(resultSet.getString(column));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
