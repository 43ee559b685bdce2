package io.timefusion.gateway.sql.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A relation of pg_catalog or information_schema, answered by a query Trino runs. Every column is cast to its
 * declared type, so a relation has the same shape whether it has rows or is empty.
 *
 * @param rows the query that produces the rows, selecting every declared column by name; empty for a relation
 *         whose truth is that it has no rows
 */
public record EmulatedRelation(String schema, String name, List<CatalogColumn> columns, Optional<String> rows)
{
    public EmulatedRelation
    {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        requireNonNull(rows, "rows is null");
    }

    public static EmulatedRelation withRows(String schema, String name, String rows, String... columns)
    {
        return new EmulatedRelation(schema, name, parse(columns), Optional.of(rows));
    }

    public static EmulatedRelation empty(String schema, String name, String... columns)
    {
        return new EmulatedRelation(schema, name, parse(columns), Optional.empty());
    }

    /** The query to use as the body of a common table expression named after the relation. */
    public String definition()
    {
        if (rows.isEmpty()) {
            return columns.stream()
                    .map(column -> "CAST(NULL AS %s) AS %s".formatted(column.trinoType(), quoted(column.name())))
                    .collect(Collectors.joining(", ", "SELECT ", " WHERE false"));
        }
        return columns.stream()
                .map(column -> "CAST(r.%1$s AS %2$s) AS %1$s".formatted(quoted(column.name()), column.trinoType()))
                .collect(Collectors.joining(", ", "SELECT ", " FROM (" + rows.get() + ") AS r"));
    }

    /** As the translator defines it: information_schema's relations are named apart from tables a statement may read. */
    public CatalogRelation asCommonTableExpression()
    {
        String cteName = schema.equals(PgCatalog.SCHEMA) ? name : schema + "_" + name;
        return new CatalogRelation(cteName, definition(), List.of(), rows.isEmpty());
    }

    private static List<CatalogColumn> parse(String... columns)
    {
        return Arrays.stream(columns).map(CatalogColumn::parse).toList();
    }

    private static String quoted(String name)
    {
        return "\"" + name + "\"";
    }
}
