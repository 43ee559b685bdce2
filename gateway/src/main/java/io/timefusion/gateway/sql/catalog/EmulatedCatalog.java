package io.timefusion.gateway.sql.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pg_catalog and information_schema relations the gateway answers itself, looked up as a statement names them.
 * A relation named without a schema is looked up in pg_catalog, which Postgres searches before the search path.
 */
public final class EmulatedCatalog
{
    private static final List<CatalogRelation> RELATIONS = Stream.concat(PgCatalog.relations().stream(), InformationSchema.relations().stream()).toList();

    private EmulatedCatalog() {}

    public static List<CatalogRelation> relations()
    {
        return RELATIONS;
    }

    /** @param schema the schema the statement names, empty when it names none */
    public static Optional<CatalogRelation> relation(Optional<String> schema, String name)
    {
        String wantedSchema = schema.map(value -> value.toLowerCase(Locale.ROOT)).orElse(PgCatalog.SCHEMA);
        String wantedName = name.toLowerCase(Locale.ROOT);
        return RELATIONS.stream()
                .filter(relation -> relation.schema().equals(wantedSchema) && relation.name().equals(wantedName))
                .findFirst();
    }

    /** Whether a schema is one the gateway answers for: a relation of it that is not emulated is not supported. */
    public static boolean isCatalogSchema(String schema)
    {
        String lower = schema.toLowerCase(Locale.ROOT);
        return lower.equals(PgCatalog.SCHEMA) || lower.equals(InformationSchema.SCHEMA);
    }
}
