package io.timefusion.bench;

import java.util.List;

/** One way of spelling a batch of client rows as a single Trino INSERT statement. */
interface InsertForm
{
    /** How the report names the form. */
    String label();

    String statement(String table, List<LogRow> rows);
}
