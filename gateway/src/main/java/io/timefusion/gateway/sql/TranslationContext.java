package io.timefusion.gateway.sql;

import io.timefusion.gateway.sql.session.ServerSettings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the session knows that a statement may ask about: its settings (current_setting, timezone of timestamp
 * literals), its user and database, and its backend process id. Session functions become literals built from it.
 *
 * @param settings the session's own settings; where it has none, the server default of {@link ServerSettings} applies
 */
public record TranslationContext(String user, String database, int backendPid, SessionSettings settings)
{
    /** The value a session sees for a setting: its own, else the server's default; empty for an unknown name. */
    public Optional<String> setting(String name)
    {
        String key = name.toLowerCase(Locale.ROOT);
        return settings.get(key).or(() -> ServerSettings.defaultValue(key));
    }

    public String timeZone()
    {
        return setting("timezone").orElse("UTC");
    }

    /** The schemas of search_path, without {@code "$user"} (no schema is named after a user). */
    public List<String> searchPath()
    {
        return Arrays.stream(setting("search_path").orElse("public").split(","))
                .map(String::strip)
                .map(schema -> schema.startsWith("\"") && schema.endsWith("\"") && schema.length() >= 2 ? schema.substring(1, schema.length() - 1) : schema)
                .filter(schema -> !schema.isEmpty() && !schema.equals("$user"))
                .toList();
    }

    /** The schema unqualified names resolve in: the first on the search path, as current_schema() reports it. */
    public Optional<String> currentSchema()
    {
        return searchPath().stream().findFirst();
    }
}
