package io.timefusion.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one statement shape: warm-ups first (JIT, plan caches, first-write costs), then the measured runs. Each run
 * gets a fresh statement because inserts must not repeat rows; building it happens before the clock starts.
 */
final class Scenario
{
    /** Prepares run {@code index} (warm-ups count too) and returns its SQL. */
    interface StatementSource
    {
        String statement(int index);
    }

    /** Checks a run's outcome, e.g. that an INSERT wrote every row; throws if not. */
    interface Check
    {
        void verify(QueryOutcome outcome);
    }

    private final String label;
    private final String variant;
    private final int warmups;
    private final int runs;

    Scenario(String label, String variant, int warmups, int runs)
    {
        this.label = label;
        this.variant = variant;
        this.warmups = warmups;
        this.runs = runs;
    }

    ScenarioResult run(TrinoClient client, StatementSource source, Check check, RowCount counted)
            throws SQLException
    {
        for (int i = 0; i < warmups; i++) {
            check.verify(client.execute(source.statement(i)));
        }
        List<QueryOutcome> outcomes = new ArrayList<>();
        long statementChars = 0;
        CpuSample before = CpuSample.take();
        for (int i = 0; i < runs; i++) {
            String sql = source.statement(warmups + i);
            statementChars = sql.length();
            QueryOutcome outcome = client.execute(sql);
            check.verify(outcome);
            outcomes.add(outcome);
        }
        double othersCpuShare = CpuSample.take().othersShareSince(before);
        ScenarioResult result = new ScenarioResult(label, variant, outcomes, counted, statementChars, othersCpuShare);
        // one println: Trino's logging has taken over System.err and turns each write into a log line
        System.err.println("[bench] %s: median %,.0f ms, %,.0f rows/s".formatted((label + " " + variant).trim(), result.wallMillis().median(), result.rowsPerSecond().median()));
        return result;
    }
}
