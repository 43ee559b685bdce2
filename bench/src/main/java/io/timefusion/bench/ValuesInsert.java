package io.timefusion.bench;

import java.util.List;
import java.util.stream.Collectors;

/** {@code INSERT … VALUES (…), (…)}: what a client's multi-row INSERT looks like if forwarded verbatim. */
final class ValuesInsert
        implements InsertForm
{
    @Override
    public String label()
    {
        return "INSERT … VALUES";
    }

    @Override
    public String statement(String table, List<LogRow> rows)
    {
        return rows.stream()
                .map(ValuesInsert::tuple)
                .collect(Collectors.joining(",\n", "INSERT INTO " + table + " " + LogColumns.columnList() + " VALUES\n", ""));
    }

    private static String tuple(LogRow row)
    {
        return LogColumns.ALL.stream()
                .map(column -> column.type().literal(column.value().apply(row)))
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
