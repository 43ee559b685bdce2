package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.TranslationContext;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pg_catalog and information_schema relations the gateway answers itself ({@link PgCatalog}, {@link InformationSchema},
 * and {@link SessionRelations}, built for the session that reads them).
 */
public final class EmulatedCatalog
        implements CatalogRelations
{
    private static final List<EmulatedRelation> RELATIONS = Stream.concat(PgCatalog.relations().stream(), InformationSchema.relations().stream()).toList();
    private static final Set<String> OID_COLUMNS = columnsOfType("oid");
    private static final Set<String> OID_ARRAY_COLUMNS = columnsOfType("oid[]");

    public static List<EmulatedRelation> relations()
    {
        return RELATIONS;
    }

    /** @param schema and relation in lower case */
    public static Optional<EmulatedRelation> emulated(String schema, String relation)
    {
        return RELATIONS.stream()
                .filter(candidate -> candidate.schema().equals(schema) && candidate.name().equals(relation))
                .findFirst();
    }

    /** Whether a column of some emulated relation is so named that has type oid (attrelid, typelem, oid …). */
    static boolean isOidColumn(String name)
    {
        return OID_COLUMNS.contains(name);
    }

    /** Whether a column of some emulated relation is so named that has type oid[] (polroles, conpfeqop …). */
    static boolean isOidArrayColumn(String name)
    {
        return OID_ARRAY_COLUMNS.contains(name);
    }

    private static Set<String> columnsOfType(String postgresType)
    {
        return RELATIONS.stream()
                .flatMap(relation -> relation.columns().stream())
                .filter(column -> column.postgresType().equals(postgresType))
                .map(CatalogColumn::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<CatalogRelation> relation(String schema, String relation, TranslationContext context)
    {
        return SessionRelations.relation(schema, relation, context).or(() -> emulated(schema, relation)).map(EmulatedRelation::asCommonTableExpression);
    }
}
