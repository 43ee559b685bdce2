package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.ParameterizedSql;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import io.timefusion.gateway.sql.catalog.CatalogRelation;
import io.timefusion.gateway.sql.catalog.CatalogRelations;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The emulated catalog relations one statement reads, collected while it is printed and defined in front of it. */
final class CatalogReferences
{
    private final CatalogRelations relations;
    private final TranslationContext context;
    private final Map<String, CatalogRelation> used = new LinkedHashMap<>();
    private int definitionsOffset;
    private boolean intoWithList;

    CatalogReferences(CatalogRelations relations, TranslationContext context)
    {
        this.relations = relations;
        this.context = context;
    }

    /**
     * The relation a table reference reads, when it is one of the catalog's: in pg_catalog or information_schema,
     * or unqualified with a pg_ name (pg_catalog is implicitly first on every search path).
     */
    Optional<CatalogRelation> resolve(Optional<String> schema, String name)
    {
        String relation = name.toLowerCase(Locale.ROOT);
        String catalogSchema = schema.map(value -> value.toLowerCase(Locale.ROOT)).orElse(relation.startsWith("pg_") ? "pg_catalog" : "");
        if (!catalogSchema.equals("pg_catalog") && !catalogSchema.equals("information_schema")) {
            return Optional.empty();
        }
        return Optional.of(use(catalogSchema, relation));
    }

    private CatalogRelation use(String schema, String relation)
    {
        CatalogRelation resolved = relations.relation(schema, relation, context)
                .orElseThrow(() -> new UnsupportedStatementException("relation %s.%s is not supported".formatted(schema, relation)));
        if (!used.containsKey(resolved.cteName())) {
            // a relation's dependencies come first: a common table expression reads only those defined before it
            resolved.uses().forEach(dependency -> use(dependency.schema(), dependency.relation()));
            used.put(resolved.cteName(), resolved);
        }
        return resolved;
    }

    /**
     * Where the definitions go: into the WITH list of the statement's query, in front of its first item (after RECURSIVE,
     * which Trino takes for the whole list), or when the query has no WITH clause, in one of their own in front of it.
     */
    void defineAt(int offset, boolean inWithList)
    {
        definitionsOffset = offset;
        intoWithList = inWithList;
    }

    /** The printed statement with the relations it reads defined in front of its query. */
    ParameterizedSql defineIn(ParameterizedSql printed)
    {
        if (used.isEmpty()) {
            return printed;
        }
        String definitions = used.values().stream()
                .map(relation -> relation.cteName() + " AS (" + relation.trinoQuery() + ")")
                .collect(Collectors.joining(", "));
        return printed.insert(definitionsOffset, intoWithList ? definitions + ", " : "WITH " + definitions + " ");
    }
}
