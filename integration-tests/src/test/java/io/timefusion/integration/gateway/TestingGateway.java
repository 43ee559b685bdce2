package io.timefusion.integration.gateway;

import com.google.common.collect.ImmutableMap;
import com.google.inject.Injector;
import io.airlift.bootstrap.LifeCycleManager;
import io.airlift.http.server.HttpServerInfo;
import io.timefusion.gateway.GatewayMain;
import io.timefusion.gateway.server.ConnectionLimiter;
import io.timefusion.gateway.server.PgServer;
import io.timefusion.gateway.sql.SessionSettings;
import io.timefusion.gateway.sql.SqlTranslator;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.testing.DistributedQueryRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Trino with the timefusion connector (local storage in a temporary directory) and the gateway in front of it,
 * listening on free ports of 127.0.0.1. One per test class: starting Trino costs 15–25 s.
 */
public final class TestingGateway
        implements AutoCloseable
{
    public static final String USER = "postgres";
    public static final String PASSWORD = "gateway-test-password";

    private final DistributedQueryRunner queryRunner;
    private final Injector gateway;

    private TestingGateway(DistributedQueryRunner queryRunner, Injector gateway)
    {
        this.queryRunner = queryRunner;
        this.gateway = gateway;
    }

    public static TestingGateway start()
            throws Exception
    {
        return start(Map.of());
    }

    /** @param gatewayProperties configuration properties that replace the test defaults */
    public static TestingGateway start(Map<String, String> gatewayProperties)
            throws Exception
    {
        return start(gatewayProperties, Map.of());
    }

    /** @param connectorProperties catalog properties of the timefusion connector, besides its local data directory */
    public static TestingGateway start(Map<String, String> gatewayProperties, Map<String, String> connectorProperties)
            throws Exception
    {
        Path data = Files.createTempDirectory("timefusion-gateway-test-");
        Map<String, String> catalog = new HashMap<>(TimeFusionQueryRunner.localProperties(data));
        catalog.putAll(connectorProperties);
        DistributedQueryRunner queryRunner = TimeFusionQueryRunner.builder()
                .withConnectorProperties(catalog)
                // as etc/config.properties.template: INSERTs and COPY carry their rows as an encoded batch in the statement
                .withCoordinatorProperty("query.max-length", "1000000000")
                .build();
        try {
            Map<String, String> properties = new HashMap<>(defaults(queryRunner));
            properties.putAll(gatewayProperties);
            return new TestingGateway(queryRunner, GatewayMain.start(properties));
        }
        catch (Throwable e) {
            queryRunner.close();
            throw e;
        }
    }

    private static Map<String, String> defaults(DistributedQueryRunner queryRunner)
    {
        return ImmutableMap.<String, String>builder()
                .put("node.environment", "test")
                .put("http-server.http.port", "0")
                .put("node.bind-ip", "127.0.0.1")
                .put("pgwire.port", "0")
                .put("pgwire.bind-address", "127.0.0.1")
                .put("pgwire.password", PASSWORD)
                .put("trino.url", queryRunner.getCoordinator().getBaseUrl().toString())
                .put("trino.admin-secret", TimeFusionQueryRunner.ADMIN_SECRET)
                // tests that count files or commits must not see OPTIMIZE rewrite them; TestAutomaticMaintenance turns it on
                .put("maintenance.enabled", "false")
                .buildOrThrow();
    }

    /**
     * Another gateway in front of this Trino, with its own ports and these properties over the test defaults; the caller
     * stops it (its LifeCycleManager), closing this one stops Trino.
     */
    public Injector startAnotherGateway(Map<String, String> gatewayProperties)
    {
        Map<String, String> properties = new HashMap<>(defaults(queryRunner));
        properties.putAll(gatewayProperties);
        return GatewayMain.start(properties);
    }

    public DistributedQueryRunner queryRunner()
    {
        return queryRunner;
    }

    public int pgwirePort()
    {
        return gateway.getInstance(PgServer.class).port();
    }

    /** Sessions holding a place under MAX_PG_CONNECTIONS right now. */
    public int openSessions()
    {
        return gateway.getInstance(ConnectionLimiter.class).open();
    }

    /** A service of the running gateway, such as its BatchWriter, for tests that drive the ingest path directly. */
    public <T> T instance(Class<T> type)
    {
        return gateway.getInstance(type);
    }

    public String httpUrl()
    {
        // the announced URI names the node's address; the server listens on 127.0.0.1 only
        return "http://127.0.0.1:" + gateway.getInstance(HttpServerInfo.class).getHttpUri().getPort();
    }

    public String jdbcUrl()
    {
        return "jdbc:postgresql://127.0.0.1:%d/timefusion".formatted(pgwirePort());
    }

    public Connection connect()
            throws SQLException
    {
        return connect(new Properties());
    }

    public Connection connect(Properties extra)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.putAll(extra);
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** The Trino SQL the gateway sends for a statement of a fresh session (the text Trino's query list shows). */
    public String trinoSqlOf(String postgresSql)
    {
        Map<String, String> settings = new HashMap<>();
        SessionSettings session = new SessionSettings()
        {
            @Override
            public Optional<String> get(String name)
            {
                return Optional.ofNullable(settings.get(name));
            }

            @Override
            public void set(String name, String value)
            {
                settings.put(name, value);
            }
        };
        return gateway.getInstance(SqlTranslator.class).translate(postgresSql, new TranslationContext(USER, "timefusion", 0, session)).trinoSql();
    }

    @Override
    public void close()
    {
        try {
            gateway.getInstance(LifeCycleManager.class).stop();
        }
        finally {
            queryRunner.close();
        }
    }
}
