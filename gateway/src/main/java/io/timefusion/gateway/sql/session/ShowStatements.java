package io.timefusion.gateway.sql.session;

import io.timefusion.gateway.sql.SqlLiterals;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UndefinedSettingException;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Postgres' {@code SHOW name}, {@code SHOW ALL}, {@code SHOW TIME ZONE} and {@code SHOW TRANSACTION ISOLATION LEVEL},
 * answered from the session's settings as a query of literals (one column named as Postgres names it), so that
 * both protocols describe and run it like any query. Trino's own SHOW statements (SHOW TABLES, …) are left alone.
 */
public final class ShowStatements
{
    private static final Pattern SHOW = Pattern.compile("(?is)\\s*SHOW\\s+(.+?)\\s*;?\\s*");
    private static final Set<String> TRINO_SHOW = Set.of("tables", "catalogs", "schemas", "columns", "create", "functions", "session", "stats", "grants", "roles", "role",
            "current", "branches");

    private ShowStatements() {}

    /** The Trino query answering a Postgres SHOW, or empty for any other statement. */
    public static Optional<String> answer(String sql, TranslationContext context)
    {
        Matcher show = SHOW.matcher(sql);
        if (!show.matches()) {
            return Optional.empty();
        }
        String target = show.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (TRINO_SHOW.contains(target.split(" ")[0])) {
            return Optional.empty();
        }
        String name = switch (target) {
            case "time zone" -> "timezone";
            case "transaction isolation level" -> "transaction_isolation";
            default -> target.replace("\"", "");
        };
        if (name.equals("all")) {
            return Optional.of(showAll(context));
        }
        String value = context.setting(name).orElseThrow(() -> new UndefinedSettingException(name));
        return Optional.of("SELECT " + SqlLiterals.string(value) + " AS \"" + ServerSettings.displayName(name) + "\"");
    }

    private static String showAll(TranslationContext context)
    {
        Set<String> names = new TreeSet<>();
        ServerSettings.names().forEach(names::add);
        String rows = names.stream()
                .map(name -> "(" + SqlLiterals.string(ServerSettings.displayName(name)) + ", " + SqlLiterals.string(context.setting(name).orElse("")) + ", '')")
                .collect(Collectors.joining(", "));
        return "SELECT * FROM (VALUES " + rows + ") AS settings(name, setting, description)";
    }
}
