/**
 * Emulation of Postgres' catalog for drivers and tools: relations of {@code pg_catalog} and
 * {@code information_schema} as common table expressions ({@link io.timefusion.gateway.sql.catalog.CatalogRelations}).
 * Catalog functions and casts (format_type, ::regclass, …) are {@link io.timefusion.gateway.sql.rules.TranslationRule}s
 * bound with {@code Multibinder.newSetBinder(binder, TranslationRule.class)}; they are tried before the built-in rules.
 */
package io.timefusion.gateway.sql.catalog;
