package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.SqlLiterals;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import io.timefusion.gateway.sql.rules.FunctionNames;
import io.timefusion.gateway.sql.rules.TranslationRule;
import io.timefusion.gateway.sql.rules.FunctionArguments;
import io.timefusion.gateway.sql.rules.Templates;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;


/**
 * Catalog functions that look an object up by OID: owner names, type names, encodings, whether an object is
 * visible on the session's search path, and the session role's privileges on it. The answers come from the same
 * sources as the emulated relations.
 */
public final class CatalogLookupRule
        implements TranslationRule
{
    private static final int UTF8_ENCODING = 6;

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function)) {
            return Optional.empty();
        }
        List<Expression> arguments = FunctionArguments.of(function);
        return switch (FunctionNames.of(function)) {
            // Postgres' answer for an OID that names no role
            case "pg_get_userbyid" -> Optional.of(Templates.expand("CASE WHEN {0} = " + CatalogOids.SESSION_ROLE + " THEN " + SqlLiterals.string(context.user())
                    + " ELSE 'unknown (OID=' || CAST({0} AS varchar) || ')' END", arguments.getFirst()));
            // typmods are not shown: no column of the catalog has one
            case "format_type" -> Optional.of(typeName(arguments.getFirst()));
            case "pg_encoding_to_char" -> Optional.of(Templates.expand("CASE WHEN {0} = " + UTF8_ENCODING + " THEN 'UTF8' ELSE '' END", arguments.getFirst()));
            case "pg_table_is_visible" -> Optional.of(Templates.expand("{0} IN (SELECT oid FROM pg_class WHERE relnamespace IN (" + searchPathNamespaces(context) + "))",
                    arguments.getFirst()));
            // every type is in pg_catalog and there are no functions of other schemas
            case "pg_type_is_visible", "pg_function_is_visible" -> Optional.of(Templates.expand("{0} IS NOT NULL", arguments.getFirst()));
            // an ordinary table outside pg_catalog can be published (there are no publications to put it in)
            case "pg_relation_is_publishable" -> Optional.of(Templates.expand("CAST({0} AS integer) IN (SELECT oid FROM pg_class WHERE relkind = 'r' AND relnamespace <> "
                    + CatalogOids.PG_CATALOG_NAMESPACE + ")", arguments.getFirst()));
            case "current_schemas" -> Optional.of(currentSchemas(arguments, context));
            // the session role owns every object of the catalog (pg_database.datdba, pg_class.relowner …), and an
            // owner holds every privilege on what it owns
            case "has_database_privilege", "has_schema_privilege", "has_table_privilege", "has_any_column_privilege", "has_column_privilege" ->
                    Optional.of(Templates.expand("true"));
            default -> Optional.empty();
        };
    }

    /** format_type(oid, NULL), which is also how a regtype prints. */
    static Expression typeName(Expression oid)
    {
        String cases = CatalogTypes.all().stream()
                .map(type -> "WHEN %d THEN %s".formatted(type.oid(), SqlLiterals.string(type.sqlName())))
                .collect(Collectors.joining(" "));
        return Templates.expand("CASE {0} " + cases + " ELSE CASE WHEN {0} IS NULL THEN NULL ELSE '???' END END", oid);
    }

    private static String searchPathNamespaces(TranslationContext context)
    {
        return Stream.concat(Stream.of(PgCatalog.SCHEMA), context.searchPath().stream())
                .map(schema -> Integer.toString(CatalogOids.namespace(schema)))
                .collect(Collectors.joining(", "));
    }

    private static Expression currentSchemas(List<Expression> arguments, TranslationContext context)
    {
        String implicit = arguments.getFirst().toString().toLowerCase(java.util.Locale.ROOT);
        if (!implicit.equals("true") && !implicit.equals("false")) {
            throw new UnsupportedStatementException("current_schemas takes true or false");
        }
        Stream<String> schemas = implicit.equals("true") ? Stream.concat(Stream.of(PgCatalog.SCHEMA), context.searchPath().stream()) : context.searchPath().stream();
        return Templates.expand("ARRAY[" + schemas.map(SqlLiterals::string).collect(Collectors.joining(", ")) + "]");
    }
}
