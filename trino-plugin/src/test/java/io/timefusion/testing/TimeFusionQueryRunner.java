package io.timefusion.testing;

import com.google.common.collect.ImmutableMap;
import io.airlift.log.Logger;
import io.timefusion.contract.AdminCredentials;
import io.timefusion.trino.TimeFusionPlugin;
import io.trino.Session;
import io.trino.plugin.tpch.TpchPlugin;
import io.trino.spi.security.Identity;
import io.trino.testing.DistributedQueryRunner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static io.trino.testing.TestingSession.testSessionBuilder;

/**
 * An in-process Trino with the timefusion catalog (schema public) and tpch for generating rows. Storage is a
 * local directory or an S3 bucket of an {@link S3ProxyServer}. Start one per test class: each costs 15–25 s.
 */
public final class TimeFusionQueryRunner
{
    public static final String CATALOG = "timefusion";
    /** The catalog's admin principal (timefusion.admin-user, the default) and the secret it must present. */
    public static final String ADMIN_USER = "timefusion-admin";
    public static final String ADMIN_SECRET = "test-admin-secret-0123456789";

    private TimeFusionQueryRunner() {}

    public static Builder builder()
    {
        return new Builder();
    }

    /** Catalog properties that put the tables into {@code bucket} of {@code server}. */
    public static Map<String, String> s3Properties(S3ProxyServer server, String bucket)
    {
        return ImmutableMap.<String, String>builder()
                .put("timefusion.s3.bucket", bucket)
                .put("timefusion.s3.endpoint", server.endpoint())
                .put("timefusion.s3.region", server.region())
                .put("timefusion.s3.access-key", server.accessKey())
                .put("timefusion.s3.secret-key", server.secretKey())
                .put("timefusion.s3.path-style-access", "true")
                .buildOrThrow();
    }

    /** A key for secrets at rest (gateway tokens, project secrets) that tests of local storage share. */
    public static final String TESTING_SECRETS_KEY = Base64.getEncoder().encodeToString("timefusion-tests-secrets-key-32b".getBytes(StandardCharsets.UTF_8));

    public static Map<String, String> localProperties(Path dataDirectory)
    {
        return Map.of("timefusion.data-dir", dataDirectory.toString(), "timefusion.secrets-key", TESTING_SECRETS_KEY);
    }

    /** The admin principal's secret, as every catalog of these runners is configured: Trino over HTTP trusts user names. */
    public static Map<String, String> adminProperties()
    {
        return Map.of("timefusion.admin-secret", ADMIN_SECRET);
    }

    /** A session of the admin principal, who alone may run the connector's procedures and read system.projects. */
    public static Session adminSession()
    {
        return testSessionBuilder()
                .setIdentity(Identity.forUser(ADMIN_USER).withExtraCredentials(Map.of(AdminCredentials.ADMIN_SECRET_CREDENTIAL, ADMIN_SECRET)).build())
                .setCatalog(CATALOG)
                .setSchema("public")
                .build();
    }

    public static final class Builder
    {
        private final Map<String, String> connectorProperties = new HashMap<>(adminProperties());
        private final Map<String, String> coordinatorProperties = new HashMap<>();
        private int workerCount;

        public Builder withConnectorProperties(Map<String, String> properties)
        {
            connectorProperties.putAll(properties);
            return this;
        }

        /** Nodes besides the coordinator, which runs tasks too. */
        public Builder withWorkers(int workerCount)
        {
            this.workerCount = workerCount;
            return this;
        }

        public Builder withCoordinatorProperty(String name, String value)
        {
            coordinatorProperties.put(name, value);
            return this;
        }

        public DistributedQueryRunner build()
                throws Exception
        {
            Session session = testSessionBuilder()
                    .setCatalog(CATALOG)
                    .setSchema("public")
                    .build();
            DistributedQueryRunner queryRunner = DistributedQueryRunner.builder(session)
                    .setWorkerCount(workerCount)
                    .setCoordinatorProperties(coordinatorProperties)
                    .build();
            try {
                queryRunner.installPlugin(new TpchPlugin());
                queryRunner.createCatalog("tpch", "tpch");
                queryRunner.installPlugin(new TimeFusionPlugin());
                queryRunner.createCatalog(CATALOG, "timefusion", connectorProperties);
                return queryRunner;
            }
            catch (Throwable e) {
                queryRunner.close();
                throw e;
            }
        }
    }

    /**
     * A development server on http://127.0.0.1:8080 (or the port given second) storing its tables under ./data (or the
     * directory given first). Tests run it as a process of its own to kill and restart Trino under a gateway.
     */
    public static void main(String[] args)
            throws Exception
    {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : "data").toAbsolutePath();
        Files.createDirectories(dataDirectory);
        DistributedQueryRunner queryRunner = builder()
                .withConnectorProperties(localProperties(dataDirectory))
                .withCoordinatorProperty("http-server.http.port", args.length > 1 ? args[1] : "8080")
                .build();
        Logger log = Logger.get(TimeFusionQueryRunner.class);
        log.info("======== SERVER STARTED ========");
        log.info("%s (tables under %s)", queryRunner.getCoordinator().getBaseUrl(), dataDirectory);
    }
}
