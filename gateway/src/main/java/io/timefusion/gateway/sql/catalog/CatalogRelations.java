package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.TranslationContext;

import java.util.Optional;

/**
 * The pg_catalog and information_schema relations the gateway emulates. The translator asks for every relation a
 * statement reads from {@code pg_catalog}, {@code information_schema}, or unqualified with a {@code pg_} name,
 * and adds the answer as a common table expression; a relation without an answer is refused with 0A000.
 */
public interface CatalogRelations
{
    /**
     * @param schema {@code pg_catalog} or {@code information_schema}, lower case
     * @param relation the relation name, lower case
     * @param context the session of the statement (some relations describe it)
     */
    Optional<CatalogRelation> relation(String schema, String relation, TranslationContext context);
}
