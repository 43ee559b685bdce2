package io.timefusion.gateway.ingest;

import io.timefusion.contract.BatchColumnType;
import io.timefusion.gateway.ingest.InsertCell.Parameter;
import io.timefusion.gateway.pgwire.types.PgType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A client INSERT into an ingest table in one of the shapes the gateway turns into a {@link RowBatch} itself:
 * {@code INSERT INTO t [(c, …)] VALUES (…), …} whose cells are literals, {@code ARRAY[…]} of literals or {@code $n}
 * (casts allowed), and {@code INSERT INTO t (c, …) SELECT * FROM unnest($1, $2, …)} with one array per column.
 * Anything else (expressions, INSERT … SELECT from a table, ON CONFLICT, RETURNING) is not parsed here and goes to
 * Trino as SQL. Parsed once per statement; {@link #bind} makes the batch of each execution.
 */
public final class IngestInsert
{
    private final String table;
    private final Optional<List<String>> columns;
    private final List<List<InsertCell>> rows;
    private final boolean unnest;
    private final int parameterCount;

    IngestInsert(String table, Optional<List<String>> columns, List<List<InsertCell>> rows, boolean unnest)
    {
        this.table = table;
        this.columns = columns;
        this.rows = rows;
        this.unnest = unnest;
        this.parameterCount = rows.stream().flatMap(List::stream).mapToInt(IngestInsert::highestParameter).max().orElse(0);
    }

    public String table()
    {
        return table;
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof IngestInsert insert && table.equals(insert.table) && columns.equals(insert.columns) && rows.equals(insert.rows) && unnest == insert.unnest;
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(table, columns, rows, unnest);
    }

    @Override
    public String toString()
    {
        return "IngestInsert[table=%s, columns=%s, rows=%s, unnest=%s]".formatted(table, columns, rows, unnest);
    }

    /** The highest {@code $n}: how many parameters a Bind must supply. */
    public int parameterCount()
    {
        return parameterCount;
    }

    /** The type each parameter gets, from its column: what ParameterDescription reports (0 where no column says). */
    public int[] parameterTypeOids(IngestTable target)
            throws IngestException
    {
        List<IngestColumn> targetColumns = targetColumns(target);
        int[] oids = new int[parameterCount()];
        for (List<InsertCell> row : rows) {
            for (int i = 0; i < row.size() && i < targetColumns.size(); i++) {
                if (row.get(i) instanceof Parameter(int number)) {
                    PgType<?> type = unnest ? ParameterValues.arrayType(targetColumns.get(i)) : ParameterValues.naturalType(targetColumns.get(i));
                    oids[number - 1] = type.oid();
                }
            }
        }
        return oids;
    }

    /** The rows of one execution; a value the column cannot take fails with Postgres' SQLSTATE, naming the column. */
    public RowBatch bind(IngestTable target, List<BindValue> parameters)
            throws IngestException
    {
        List<IngestColumn> targetColumns = targetColumns(target);
        List<String> names = targetColumns.stream().map(IngestColumn::name).toList();
        return new RowBatch(table, names, unnest ? unnestRows(target, targetColumns, parameters) : valuesRows(target, targetColumns, parameters));
    }

    private List<IngestColumn> targetColumns(IngestTable target)
            throws IngestException
    {
        return columns.isPresent()
                ? target.columnList(columns.get())
                : target.columns();
    }

    private List<Object[]> valuesRows(IngestTable target, List<IngestColumn> targetColumns, List<BindValue> parameters)
            throws IngestException
    {
        List<Object[]> values = new ArrayList<>(rows.size());
        for (List<InsertCell> row : rows) {
            if (row.size() != targetColumns.size()) {
                throw new IngestException("42601", "INSERT has %s expressions than target columns".formatted(row.size() > targetColumns.size() ? "more" : "fewer"));
            }
            Object[] rowValues = new Object[row.size()];
            for (int i = 0; i < rowValues.length; i++) {
                rowValues[i] = cellValue(target, targetColumns.get(i), row.get(i), parameters);
            }
            values.add(rowValues);
        }
        return values;
    }

    private List<Object[]> unnestRows(IngestTable target, List<IngestColumn> targetColumns, List<BindValue> parameters)
            throws IngestException
    {
        List<InsertCell> arrays = rows.getFirst();
        if (arrays.size() != targetColumns.size()) {
            throw new IngestException("42601", "INSERT has %s expressions than target columns".formatted(arrays.size() > targetColumns.size() ? "more" : "fewer"));
        }
        List<List<?>> columnValues = new ArrayList<>(arrays.size());
        int rowCount = 0;
        for (int i = 0; i < arrays.size(); i++) {
            List<?> elements = arrayElements(targetColumns.get(i), arrays.get(i), parameters);
            columnValues.add(elements);
            rowCount = Math.max(rowCount, elements.size());
        }
        // unnest pads shorter arrays with NULLs, as in Postgres
        List<Object[]> values = new ArrayList<>(rowCount);
        for (int row = 0; row < rowCount; row++) {
            Object[] rowValues = new Object[arrays.size()];
            for (int i = 0; i < rowValues.length; i++) {
                List<?> elements = columnValues.get(i);
                rowValues[i] = ColumnValues.fromValue(target, targetColumns.get(i), row < elements.size() ? elements.get(row) : null);
            }
            values.add(rowValues);
        }
        return values;
    }

    private static Object cellValue(IngestTable target, IngestColumn column, InsertCell cell, List<BindValue> parameters)
            throws IngestException
    {
        return switch (cell) {
            case InsertCell.Text(String text) -> ColumnValues.fromText(target, column, text);
            case InsertCell.Value(Object value) -> ColumnValues.fromValue(target, column, value);
            case Parameter(int number) -> ColumnValues.fromValue(target, column, ParameterValues.decode(column, parameters.get(number - 1), ParameterValues.naturalType(column)));
            case InsertCell.Array(List<InsertCell> elements) -> {
                List<String> texts = new ArrayList<>(elements.size());
                for (InsertCell element : elements) {
                    texts.add(elementText(element, parameters));
                }
                yield ColumnValues.fromValue(target, column, texts);
            }
        };
    }

    private static List<?> arrayElements(IngestColumn column, InsertCell cell, List<BindValue> parameters)
            throws IngestException
    {
        if (column.type() == BatchColumnType.VARCHAR_ARRAY) {
            throw new IngestException("0A000", "INSERT … SELECT FROM unnest(…) into the array column %s is not supported; use VALUES".formatted(column.name()));
        }
        Object array = switch (cell) {
            case Parameter(int number) -> ParameterValues.decode(column, parameters.get(number - 1), ParameterValues.arrayType(column));
            case InsertCell.Text(String text) -> ParameterValues.decodeText(column, ParameterValues.arrayType(column), text);
            case InsertCell.Array(List<InsertCell> elements) -> {
                List<String> texts = new ArrayList<>(elements.size());
                for (InsertCell element : elements) {
                    texts.add(elementText(element, parameters));
                }
                yield texts;
            }
            case InsertCell.Value(Object value) -> value;
        };
        if (array == null) {
            return List.of();
        }
        if (!(array instanceof List<?> list)) {
            throw new IngestException("42804", "unnest argument for column %s is not an array".formatted(column.name()));
        }
        return list;
    }

    private static String elementText(InsertCell element, List<BindValue> parameters)
    {
        return switch (element) {
            case InsertCell.Text(String text) -> text;
            case InsertCell.Value(Object value) -> value == null ? null : value.toString();
            case Parameter(int number) -> {
                byte[] raw = parameters.get(number - 1).raw();
                yield raw == null ? null : new String(raw, UTF_8);
            }
            case InsertCell.Array _ -> throw new IllegalStateException("nested arrays are not parsed");
        };
    }

    private static int highestParameter(InsertCell cell)
    {
        return switch (cell) {
            case Parameter(int number) -> number;
            case InsertCell.Array(List<InsertCell> elements) -> elements.stream().mapToInt(IngestInsert::highestParameter).max().orElse(0);
            default -> 0;
        };
    }
}
