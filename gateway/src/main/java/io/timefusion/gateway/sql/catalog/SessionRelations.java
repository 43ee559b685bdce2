package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.SqlLiterals;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.session.ServerSettings;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static io.timefusion.gateway.sql.catalog.EmulatedRelation.withRows;

/**
 * The pg_catalog views whose rows depend on the session, built for the statement that reads them: pg_settings
 * (the session's value of every setting the gateway knows, beside the server default) and pg_stat_gssapi (the
 * backend's connection, which is not GSSAPI-authenticated or -encrypted).
 */
final class SessionRelations
{
    private SessionRelations() {}

    static Optional<EmulatedRelation> relation(String schema, String name, TranslationContext context)
    {
        if (!schema.equals(PgCatalog.SCHEMA)) {
            return Optional.empty();
        }
        return switch (name) {
            case "pg_settings" -> Optional.of(pgSettings(context));
            case "pg_stat_gssapi" -> Optional.of(withRows(PgCatalog.SCHEMA, "pg_stat_gssapi",
                    "SELECT %d AS pid, false AS gss_authenticated, NULL AS principal, false AS encrypted, false AS credentials_delegated".formatted(context.backendPid()),
                    "pid integer", "gss_authenticated boolean", "principal text", "encrypted boolean", "credentials_delegated boolean"));
            default -> Optional.empty();
        };
    }

    private static EmulatedRelation pgSettings(TranslationContext context)
    {
        String rows = StreamSupport.stream(ServerSettings.names().spliterator(), false)
                .map(name -> {
                    String defaultValue = ServerSettings.defaultValue(name).orElseThrow();
                    String value = context.setting(name).orElse(defaultValue);
                    return "(%s, %s, %s, %s, %s)".formatted(SqlLiterals.string(ServerSettings.displayName(name)), SqlLiterals.string(value), SqlLiterals.string(type(defaultValue)),
                            SqlLiterals.string(context.settings().get(name).isPresent() ? "session" : "default"), SqlLiterals.string(defaultValue));
                })
                .collect(Collectors.joining(", "));
        return withRows(PgCatalog.SCHEMA, "pg_settings", """
                        SELECT name, setting, NULL AS unit, 'Ungrouped' AS category, '' AS short_desc, NULL AS extra_desc, 'user' AS context, vartype, source,
                            NULL AS min_val, NULL AS max_val, NULL AS enumvals, default_value AS boot_val, default_value AS reset_val, NULL AS sourcefile,
                            NULL AS sourceline, false AS pending_restart
                        FROM (VALUES %s) AS s(name, setting, vartype, source, default_value)""".formatted(rows),
                "name text", "setting text", "unit text", "category text", "short_desc text", "extra_desc text", "context text", "vartype text",
                "source text", "min_val text", "max_val text", "enumvals text[]", "boot_val text", "reset_val text", "sourcefile text",
                "sourceline integer", "pending_restart boolean");
    }

    private static String type(String defaultValue)
    {
        if (defaultValue.equals("on") || defaultValue.equals("off")) {
            return "bool";
        }
        return defaultValue.matches("-?\\d+") ? "integer" : "string";
    }
}
