package io.timefusion.gateway.sql;

import io.timefusion.gateway.ingest.IngestInserts;
import io.timefusion.gateway.sql.catalog.CatalogRules;
import io.timefusion.gateway.sql.catalog.EmulatedCatalog;
import io.trino.sql.parser.SqlParser;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Translation as the gateway does it, and the check that what it emits is Trino SQL. */
public final class TrinoSql
{
    private static final SqlParser TRINO_PARSER = new SqlParser();

    /** A session of user alice on database timefusion, backend process 4242, with the given settings. */
    public static TranslationContext session(Map<String, String> settings)
    {
        Map<String, String> values = new HashMap<>(settings);
        return new TranslationContext("alice", "timefusion", 4242, new SessionSettings()
        {
            @Override
            public Optional<String> get(String name)
            {
                return Optional.ofNullable(values.get(name));
            }

            @Override
            public void set(String name, String value)
            {
                values.put(name, value);
            }
        });
    }

    public static final TranslationContext DEFAULT_SESSION = session(Map.of());

    public static final SqlTranslator TRANSLATOR = new PostgresDialectTranslator(new EmulatedCatalog(), new LinkedHashSet<>(CatalogRules.all()), new IngestInserts());

    private TrinoSql() {}

    /** Translates with the default session and checks that Trino's parser accepts the result. */
    public static String translate(String postgresSql)
    {
        return translate(postgresSql, DEFAULT_SESSION);
    }

    public static String translate(String postgresSql, TranslationContext context)
    {
        TranslatedStatement statement = TRANSLATOR.translate(postgresSql, context);
        assertParsesAsTrino(statement.trino());
        return statement.trinoSql();
    }

    /** What the translator knows of the statement, in the default session. */
    public static TranslatedStatement translated(String postgresSql)
    {
        return TRANSLATOR.translate(postgresSql, DEFAULT_SESSION);
    }

    public static void assertTranslation(String postgresSql, String expectedTrinoSql)
    {
        assertThat(translate(postgresSql)).isEqualTo(expectedTrinoSql);
    }

    /**
     * Trino's own parser accepts the statement with a {@code ?} at each place the translator recorded for a parameter, as
     * the gateway binds them later: a {@code $n} left unrecorded is not Trino SQL, so this also checks the record.
     */
    public static void assertParsesAsTrino(ParameterizedSql trinoSql)
    {
        String withParameters = trinoSql.withQuestionMarks().sql();
        assertThatCode(() -> TRINO_PARSER.createStatement(withParameters))
                .as("Trino parses: %s", trinoSql.sql())
                .doesNotThrowAnyException();
    }
}
