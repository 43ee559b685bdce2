package io.timefusion.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement's latencies, each timed from sending it until its last row has been read, and the answer of its last
 * run (every value as text) to compare.
 */
record QueryLatencies(Latencies latencies, List<String> answer)
{
    /** A statement to run on a connection of its own system. */
    record Timed(Connection connection, String sql) {}

    /**
     * Runs the statements in rounds, each once per round in the given order: warm-up rounds, then measured ones. In
     * rounds, the JVM's compilers have seen every statement before any is measured, and a change in the machine's
     * load falls on all of them alike rather than on whichever ran then.
     */
    static List<QueryLatencies> inRounds(List<Timed> statements, int warmupRounds, int rounds)
            throws SQLException
    {
        for (int round = 0; round < warmupRounds; round++) {
            for (Timed statement : statements) {
                run(statement);
            }
        }
        long[][] nanos = new long[statements.size()][rounds];
        List<List<String>> answers = new ArrayList<>(Collections.nCopies(statements.size(), List.of()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < statements.size(); i++) {
                long start = System.nanoTime();
                answers.set(i, run(statements.get(i)));
                nanos[i][round] = System.nanoTime() - start;
            }
        }
        List<QueryLatencies> measured = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            measured.add(new QueryLatencies(Latencies.of(nanos[i]), answers.get(i)));
        }
        return measured;
    }

    private static List<String> run(Timed timed)
            throws SQLException
    {
        List<String> rows = new ArrayList<>();
        try (Statement statement = timed.connection().createStatement(); ResultSet resultSet = statement.executeQuery(timed.sql())) {
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
