package io.timefusion.gateway.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static com.google.common.collect.ImmutableMap.toImmutableMap;
import static java.util.Objects.requireNonNull;

/**
 * A table the gateway turns INSERTs and COPYs into {@link RowBatch}es for: its columns in table order, as Trino
 * describes them. {@code date} is NOT NULL in the table but derived from {@code timestamp} by the plugin, so a
 * batch never needs it and a value given for it is replaced.
 */
public record IngestTable(String name, List<IngestColumn> columns)
{
    public static final String DERIVED_DATE = "date";

    public IngestTable
    {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
    }

    private Map<String, IngestColumn> byName()
    {
        return columns.stream().collect(toImmutableMap(IngestColumn::name, Function.identity()));
    }

    /** @throws IngestException 42703 if the table has no such column */
    public IngestColumn column(String column)
            throws IngestException
    {
        for (IngestColumn candidate : columns) {
            if (candidate.name().equals(column)) {
                return candidate;
            }
        }
        throw new IngestException("42703", "column \"%s\" of relation \"%s\" does not exist".formatted(column, name));
    }

    /** The value of {@code text}, the Postgres text form of a value of {@code column}; null text is SQL NULL. */
    public Object fromText(String column, String text)
            throws IngestException
    {
        return ColumnValues.fromText(this, column(column), text);
    }

    /**
     * The columns of an INSERT's or COPY's column list, checked as Postgres checks them: each exists, none is named
     * twice, and every NOT NULL column the gateway cannot derive is among them.
     */
    public List<IngestColumn> columnList(List<String> names)
            throws IngestException
    {
        Map<String, IngestColumn> byName = byName();
        Set<String> seen = new HashSet<>();
        List<IngestColumn> list = new ArrayList<>(names.size());
        for (String name : names) {
            IngestColumn column = byName.get(name);
            if (column == null) {
                throw new IngestException("42703", "column \"%s\" of relation \"%s\" does not exist".formatted(name, this.name));
            }
            if (!seen.add(name)) {
                throw new IngestException("42701", "column \"%s\" specified more than once".formatted(name));
            }
            list.add(column);
        }
        for (IngestColumn column : columns) {
            if (!column.nullable() && !column.name().equals(DERIVED_DATE) && !seen.contains(column.name())) {
                throw ColumnValues.notNullViolation(this, column);
            }
        }
        return list;
    }
}
