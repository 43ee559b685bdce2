package io.timefusion.bench;

import com.google.inject.Injector;
import io.airlift.bootstrap.LifeCycleManager;
import io.timefusion.gateway.GatewayMain;
import io.timefusion.gateway.cache.QueryCacheStats;
import io.timefusion.gateway.cache.QueryResultCache;
import io.timefusion.gateway.ingest.buffer.WriteBuffer;
import io.timefusion.gateway.server.PgServer;
import io.timefusion.gateway.sql.SessionSettings;
import io.timefusion.gateway.sql.SqlTranslator;
import io.timefusion.gateway.sql.TranslatedStatement;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.testing.TimeFusionQueryRunner;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The gateway in this JVM, in front of the benchmark's Trino, listening for Postgres clients on a free port of 127.0.0.1. */
final class BenchGateway
        implements AutoCloseable
{
    static final String USER = "postgres";
    private static final String PASSWORD = "bench-password";

    private static final TranslationContext DEFAULT_SESSION = new TranslationContext(USER, BenchCluster.CATALOG, 1, new SessionSettings()
    {
        // a session that changes no setting: the translation depends on the defaults only
        @Override
        public Optional<String> get(String name)
        {
            return Optional.empty();
        }

        @Override
        public void set(String name, String value)
        {
            throw new UnsupportedOperationException("the benchmark's statements change no setting");
        }
    });

    private final Injector injector;

    private BenchGateway(Injector injector)
    {
        this.injector = injector;
    }

    static BenchGateway start(URI trino, boolean queryCache)
    {
        return start(trino, Map.of("query-cache.enabled", Boolean.toString(queryCache)));
    }

    /** @param settings gateway configuration properties besides where it listens and which Trino it uses */
    static BenchGateway start(URI trino, Map<String, String> settings)
    {
        // the other scenarios measure ingest and queries alone; the maintenance scenario turns it on
        Map<String, String> properties = new HashMap<>(Map.of("maintenance.enabled", "false"));
        properties.putAll(settings);
        properties.putAll(Map.of(
                "node.environment", "bench",
                "http-server.http.port", "0",
                "node.bind-ip", "127.0.0.1",
                "pgwire.port", "0",
                "pgwire.bind-address", "127.0.0.1",
                "pgwire.password", PASSWORD,
                "trino.url", trino.toString(),
                "trino.admin-secret", TimeFusionQueryRunner.ADMIN_SECRET));
        return new BenchGateway(GatewayMain.start(properties));
    }

    /** A pgjdbc connection with the driver's defaults, as a dashboard's backend would open it. */
    Connection connect()
            throws SQLException
    {
        return DriverManager.getConnection(jdbcUrl(), properties());
    }

    String jdbcUrl()
    {
        return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(injector.getInstance(PgServer.class).port(), BenchCluster.CATALOG);
    }

    /** libpq's key-value connection string, for the Python drivers. */
    String dsn()
    {
        return "host=127.0.0.1 port=%d dbname=%s user=%s password=%s".formatted(injector.getInstance(PgServer.class).port(), BenchCluster.CATALOG, USER, PASSWORD);
    }

    Properties properties()
    {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        return properties;
    }

    /** A service of the gateway, such as its BatchWriter. */
    <T> T instance(Class<T> type)
    {
        return injector.getInstance(type);
    }

    /** Blocks until the write buffer holds no row that is not in Delta yet. */
    void awaitBufferFlushed()
            throws InterruptedException
    {
        WriteBuffer buffer = injector.getInstance(WriteBuffer.class);
        while (buffer.status().unflushedRows() > 0) {
            Thread.sleep(200);
        }
    }

    /** A statement as the gateway translates it for a session that changed no setting. */
    TranslatedStatement translate(String postgresSql)
    {
        return injector.getInstance(SqlTranslator.class).translate(postgresSql, DEFAULT_SESSION);
    }

    /** The Trino SQL the gateway runs for a statement without parameters. */
    String trinoSql(String postgresSql)
    {
        return translate(postgresSql).trinoSql();
    }

    QueryCacheStats cacheStats()
    {
        return injector.getInstance(QueryResultCache.class).stats();
    }

    @Override
    public void close()
    {
        injector.getInstance(LifeCycleManager.class).stop();
    }
}
