package io.timefusion.gateway.sql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Remembers translations, so that a statement sent again is not parsed and translated again: dashboards (Grafana
 * among them) and psycopg2 send the same literal SQL over the simple protocol again and again, and the result cache
 * can only answer once the statement is translated. A translation depends on the text, the session (user, database,
 * backend process id) and the settings it read (time zone, search_path, current_setting, SHOW): it is reused only
 * while each of those settings still has the value it had, and never when the translation changed a setting
 * (set_config), since reusing it would skip the change.
 */
public class CachingTranslator
        implements SqlTranslator
{
    // bounds the heap: statement texts are at most a few hundred KB, the cache holds at most this many characters
    private static final long MAX_CACHED_CHARACTERS = 32L * 1024 * 1024;

    private final SqlTranslator translator;
    private final Cache<Key, Translation> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_CACHED_CHARACTERS)
            .weigher((Key key, Translation translation) -> key.sql().length() + translation.statement().trinoSql().length())
            .build();

    private record Key(String sql, String user, String database, int backendPid) {}

    /** A translation and the session's own value of each setting it read (empty: the server default applied). */
    private record Translation(TranslatedStatement statement, Map<String, Optional<String>> settingsRead)
    {
        boolean isCurrent(SessionSettings settings)
        {
            return settingsRead.entrySet().stream().allMatch(setting -> settings.get(setting.getKey()).equals(setting.getValue()));
        }
    }

    @Inject
    public CachingTranslator(PostgresDialectTranslator translator)
    {
        this.translator = requireNonNull(translator, "translator is null");
    }

    @Override
    public TranslatedStatement translate(String postgresSql, TranslationContext context)
    {
        Key key = new Key(postgresSql, context.user(), context.database(), context.backendPid());
        Translation cached = cache.getIfPresent(key);
        if (cached != null && cached.isCurrent(context.settings())) {
            return cached.statement();
        }
        RecordingSettings settings = new RecordingSettings(context.settings());
        TranslatedStatement statement = translator.translate(postgresSql, new TranslationContext(context.user(), context.database(), context.backendPid(), settings));
        if (!settings.changed) {
            cache.put(key, new Translation(statement, Map.copyOf(settings.read)));
        }
        return statement;
    }

    /** The session's settings, noting what a translation reads and whether it changes any. */
    private static final class RecordingSettings
            implements SessionSettings
    {
        private final SessionSettings settings;
        private final Map<String, Optional<String>> read = new HashMap<>();
        private boolean changed;

        RecordingSettings(SessionSettings settings)
        {
            this.settings = settings;
        }

        @Override
        public Optional<String> get(String name)
        {
            Optional<String> value = settings.get(name);
            read.putIfAbsent(name, value);
            return value;
        }

        @Override
        public void set(String name, String value)
        {
            changed = true;
            settings.set(name, value);
        }
    }
}
