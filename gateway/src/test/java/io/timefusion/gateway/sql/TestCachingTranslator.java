package io.timefusion.gateway.sql;

import io.timefusion.gateway.ingest.IngestInserts;
import io.timefusion.gateway.sql.catalog.CatalogRules;
import io.timefusion.gateway.sql.catalog.EmulatedCatalog;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TestCachingTranslator
{
    private final AtomicInteger translations = new AtomicInteger();
    private final CachingTranslator translator = new CachingTranslator(new PostgresDialectTranslator(new EmulatedCatalog(), new LinkedHashSet<>(CatalogRules.all()), new IngestInserts())
    {
        @Override
        public TranslatedStatement translate(String postgresSql, TranslationContext context)
        {
            translations.incrementAndGet();
            return super.translate(postgresSql, context);
        }
    });

    @Test
    void aStatementSentAgainIsNotTranslatedAgain()
    {
        TranslationContext session = TrinoSql.session(Map.of());
        String sql = "SELECT count(*) FROM otel_logs_and_spans WHERE project_id = 'p' AND level = 'ERROR'";

        TranslatedStatement first = translator.translate(sql, session);
        TranslatedStatement second = translator.translate(sql, session);

        assertThat(second).isSameAs(first);
        assertThat(translations).hasValue(1);
    }

    @Test
    void aStatementIsTranslatedAgainWhenASettingItReadChanged()
    {
        TranslationContext session = TrinoSql.session(Map.of("timezone", "UTC"));
        String sql = "SELECT * FROM t WHERE timestamp >= '2026-03-01 10:00'";

        assertThat(translator.translate(sql, session).trinoSql()).contains("TIMESTAMP '2026-03-01 10:00:00 UTC'");
        session.settings().set("timezone", "Europe/Warsaw");

        assertThat(translator.translate(sql, session).trinoSql()).contains("TIMESTAMP '2026-03-01 10:00:00 Europe/Warsaw'");
        assertThat(translations).hasValue(2);
    }

    @Test
    void aStatementThatChangesASettingChangesItEachTime()
    {
        TranslationContext session = TrinoSql.session(Map.of());
        String sql = "SELECT set_config('application_name', 'dashboard', false)";

        translator.translate(sql, session);
        session.settings().set("application_name", "other");
        translator.translate(sql, session);

        assertThat(session.settings().get("application_name")).hasValue("dashboard");
    }

    @Test
    void sessionsDoNotShareWhatTheirSessionFunctionsAnswer()
    {
        String sql = "SELECT pg_backend_pid(), current_user";

        String alice = translator.translate(sql, new TranslationContext("alice", "timefusion", 1, TrinoSql.session(Map.of()).settings())).trinoSql();
        String bob = translator.translate(sql, new TranslationContext("bob", "timefusion", 2, TrinoSql.session(Map.of()).settings())).trinoSql();

        assertThat(alice).contains("1").contains("'alice'");
        assertThat(bob).contains("2").contains("'bob'");
    }
}
