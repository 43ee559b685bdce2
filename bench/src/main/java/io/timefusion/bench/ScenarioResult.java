package io.timefusion.bench;

import java.util.List;

/**
 * The measured runs of one scenario (warm-ups excluded).
 *
 * @param counted the rows each run's rate counts
 * @param statementChars length of the SQL text of one run
 * @param othersCpuShare fraction of the machine's CPU other processes used during the measured runs
 */
record ScenarioResult(String label, String variant, List<QueryOutcome> runs, RowCount counted, long statementChars, double othersCpuShare)
{
    Summary wallMillis()
    {
        return Summary.of(runs, QueryOutcome::wallMillis);
    }

    Summary rowsPerSecond()
    {
        return Summary.of(runs, run -> counted.of(run) / (run.wallNanos() / 1e9));
    }

    Summary rows()
    {
        return Summary.of(runs, counted::of);
    }

    Summary planningMillis()
    {
        return Summary.of(runs, QueryOutcome::planningMillis);
    }

    Summary cpuMillis()
    {
        return Summary.of(runs, QueryOutcome::cpuMillis);
    }
}
