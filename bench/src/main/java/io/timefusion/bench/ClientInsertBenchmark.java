package io.timefusion.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenarios 2a–2c: batches of client-side rows spelled as SQL in three forms, through Trino JDBC into the
 * timefusion catalog. The table grows across runs; every run inserts new rows.
 */
final class ClientInsertBenchmark
{
    private static final List<Integer> BATCH_SIZES = List.of(1_000, 10_000);
    private static final List<InsertForm> FORMS = List.of(new ValuesInsert(), new UnnestArraysInsert(), new JsonArrayInsert());

    private final TrinoClient client;
    private final LogRowGenerator generator = new LogRowGenerator();

    ClientInsertBenchmark(TrinoClient client)
    {
        this.client = client;
    }

    List<ScenarioResult> run()
            throws SQLException
    {
        List<ScenarioResult> results = new ArrayList<>();
        for (InsertForm form : FORMS) {
            for (int rows : BATCH_SIZES) {
                results.add(scenario(form, rows).run(client, _ -> form.statement(BenchCluster.table(BenchCluster.CATALOG), generator.next(rows)), outcome -> requireInserted(outcome, rows), RowCount.WRITTEN));
            }
        }
        return results;
    }

    /** Planning a 10,000-row VALUES takes 10–40 s, so it runs once, after the 1,000-row VALUES warmed the planner. */
    private static Scenario scenario(InsertForm form, int rows)
    {
        String variant = "%,d rows".formatted(rows);
        if (form instanceof ValuesInsert && rows >= 10_000) {
            return new Scenario(form.label(), variant, 0, 1);
        }
        return new Scenario(form.label(), variant, 1, 3);
    }

    static void requireInserted(QueryOutcome outcome, long rows)
    {
        if (outcome.updateCount() != rows) {
            throw new IllegalStateException("INSERT reported %d rows, expected %d".formatted(outcome.updateCount(), rows));
        }
    }
}
