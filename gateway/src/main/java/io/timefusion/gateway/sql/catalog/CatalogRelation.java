package io.timefusion.gateway.sql.catalog;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An emulated catalog relation as the body of a common table expression.
 *
 * @param cteName the name the statement reads it by (unqualified: a CTE cannot be qualified)
 * @param trinoQuery the Trino query giving its rows
 * @param uses other emulated relations the query reads by their CTE names; they are defined before it
 * @param rowless whether the relation never has rows (a catalog of objects TimeFusion has none of)
 */
public record CatalogRelation(String cteName, String trinoQuery, List<QualifiedRelation> uses, boolean rowless)
{
    public CatalogRelation
    {
        requireNonNull(cteName, "cteName is null");
        requireNonNull(trinoQuery, "trinoQuery is null");
        uses = List.copyOf(uses);
    }

    public record QualifiedRelation(String schema, String relation) {}
}
