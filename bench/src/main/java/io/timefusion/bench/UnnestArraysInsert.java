package io.timefusion.bench;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code INSERT … SELECT … FROM UNNEST(ARRAY[…], ARRAY[…], …)}: the same literals as {@link ValuesInsert}, one
 * array per column, which the planner handles as a few array constructors instead of one row expression per row.
 */
final class UnnestArraysInsert
        implements InsertForm
{
    @Override
    public String label()
    {
        return "INSERT … SELECT FROM UNNEST(ARRAY[…], …)";
    }

    @Override
    public String statement(String table, List<LogRow> rows)
    {
        String arrays = LogColumns.ALL.stream()
                .map(column -> rows.stream()
                        .map(row -> column.type().literal(column.value().apply(row)))
                        .collect(Collectors.joining(", ", "ARRAY[", "]")))
                .collect(Collectors.joining(",\n"));
        return "INSERT INTO " + table + " " + LogColumns.columnList() + "\n"
                + "SELECT * FROM UNNEST(\n" + arrays + ") AS u" + LogColumns.columnList();
    }
}
