package io.timefusion.gateway;

import io.airlift.units.Duration;
import io.airlift.configuration.ConfigurationFactory;
import io.airlift.units.Duration;
import io.timefusion.gateway.maintenance.MaintenanceConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestGatewayConfiguration
{
    @Test
    void refusesToStartWithoutAPasswordUnlessAllowedOnPurpose()
    {
        assertThatThrownBy(() -> GatewayMain.start(GatewayEnvironment.toProperties(Map.of("PORT", "0", "PGWIRE_PORT", "0"))))
                .hasMessageContaining("PGWIRE_PASSWORD is required; set PGWIRE_ALLOW_NO_PASSWORD=true to run without one on purpose");
    }

    @Test
    void environmentVariablesBecomeConfigurationProperties()
    {
        Map<String, String> properties = GatewayEnvironment.toProperties(Map.of(
                "PORT", "8088", "PGWIRE_PORT", "6543", "MAX_PG_CONNECTIONS", "7", "TRINO_URL", "http://trino:8080", "PGWIRE_PASSWORD", "secret", "UNRELATED", "x"));
        assertThat(properties)
                .containsEntry("http-server.http.port", "8088")
                .containsEntry("pgwire.port", "6543")
                .containsEntry("pgwire.max-connections", "7")
                .containsEntry("trino.url", "http://trino:8080")
                .containsEntry("pgwire.password", "secret")
                .doesNotContainValue("x");
    }

    @Test
    void theHttpPortDefaultsToEightyAsDesignPromises()
    {
        assertThat(GatewayEnvironment.toProperties(Map.of())).containsEntry("http-server.http.port", "80");
    }

    @Test
    void batchQueueAndWriteBufferVariablesBecomeIngestProperties()
    {
        Map<String, String> properties = GatewayEnvironment.toProperties(Map.of(
                "ENABLE_BATCH_QUEUE", "true", "BATCH_INTERVAL_MS", "250", "MAX_BATCH_SIZE", "500", "QUEUE_DB_PATH", "/var/lib/timefusion/queue",
                "BUFFER_MAX_SIZE_MB", "64", "BUFFER_GRACE_PERIOD_MS", "5000"));
        assertThat(properties)
                .containsEntry("ingest.batch-queue.enabled", "true")
                .containsEntry("ingest.batch-interval-ms", "250")
                .containsEntry("ingest.max-batch-size", "500")
                .containsEntry("ingest.queue-db-path", "/var/lib/timefusion/queue")
                .containsEntry("ingest.buffer.max-size-mb", "64")
                .containsEntry("ingest.buffer.grace-period-ms", "5000");
    }

    @Test
    void theRemovedBatchAckVariableIsNoLongerAProperty()
    {
        // acknowledgement follows from QUEUE_DB_PATH now; an old BATCH_ACK must not reach the configuration, where it would be refused as unknown
        assertThat(GatewayEnvironment.toProperties(Map.of("BATCH_ACK", "local"))).doesNotContainKey("ingest.batch-ack");
    }

    @Test
    void theAdminPrincipalIsConfiguredFromTheEnvironment()
    {
        assertThat(GatewayEnvironment.toProperties(Map.of("TRINO_ADMIN_USER", "ops", "TRINO_ADMIN_SECRET", "0123456789abcdef-secret")))
                .containsEntry("trino.admin-user", "ops")
                .containsEntry("trino.admin-secret", "0123456789abcdef-secret");
    }

    @Test
    void postgresSessionsMayNeverRunAsTheAdminPrincipal()
    {
        assertThatThrownBy(() -> GatewayMain.start(GatewayEnvironment.toProperties(Map.of(
                "PORT", "0", "PGWIRE_PORT", "0", "PGWIRE_PASSWORD", "x", "PGWIRE_USER", "timefusion-admin"))))
                .hasMessageContaining("PGWIRE_USER must differ from TRINO_ADMIN_USER");
    }

    @Test
    void anAdminSecretThatCannotTravelAsAnExtraCredentialIsRefused()
    {
        assertThatThrownBy(() -> GatewayMain.start(GatewayEnvironment.toProperties(Map.of(
                "PORT", "0", "PGWIRE_PORT", "0", "PGWIRE_PASSWORD", "x", "TRINO_ADMIN_SECRET", "short;secret"))))
                .hasMessageContaining("must be at least 16 characters");
    }

    @Test
    void limitAndDeadlineVariablesBecomePgwireProperties()
    {
        assertThat(GatewayEnvironment.toProperties(Map.of(
                "PGWIRE_MAX_STATEMENT_SIZE", "4MB", "PGWIRE_MAX_BIND_SIZE", "32MB", "PGWIRE_MAX_SESSION_INPUT", "2MB",
                "PGWIRE_AUTHENTICATION_TIMEOUT", "30s", "PGWIRE_STARTUP_TIMEOUT", "5s")))
                .containsEntry("pgwire.max-statement-size", "4MB")
                .containsEntry("pgwire.max-bind-size", "32MB")
                .containsEntry("pgwire.max-session-input", "2MB")
                .containsEntry("pgwire.authentication-timeout", "30s")
                .containsEntry("pgwire.startup-timeout", "5s");
    }

    @Test
    void loginDeadlinesDefaultToSixtySecondsLikePostgresAndTenForTheStartup()
    {
        GatewayConfig config = new GatewayConfig();
        assertThat(config.getAuthenticationTimeout()).isEqualTo(new Duration(60, TimeUnit.SECONDS));
        assertThat(config.getStartupTimeout()).isEqualTo(new Duration(10, TimeUnit.SECONDS));
        assertThat(config.getMaxStatementSize()).isEmpty();
    }

    @Test
    void maintenanceVariablesBecomeMaintenanceProperties()
    {
        Map<String, String> properties = GatewayEnvironment.toProperties(Map.of(
                "MAINTENANCE_ENABLED", "false", "MAINTENANCE_INTERVAL", "30s", "MAINTENANCE_MIN_FILES", "20",
                "MAINTENANCE_VACUUM_INTERVAL", "12h", "MAINTENANCE_VACUUM_RETENTION", "14d"));
        assertThat(properties)
                .containsEntry("maintenance.enabled", "false")
                .containsEntry("maintenance.interval", "30s")
                .containsEntry("maintenance.min-files", "20")
                .containsEntry("maintenance.vacuum-interval", "12h")
                .containsEntry("maintenance.vacuum-retention", "14d");
    }

    @Test
    void maintenanceIsOnByDefaultWithTheDocumentedSchedule()
    {
        MaintenanceConfig config = new ConfigurationFactory(Map.of()).build(MaintenanceConfig.class);
        assertThat(config.isEnabled()).isTrue();
        assertThat(config.getInterval()).isEqualTo(new Duration(1, TimeUnit.MINUTES));
        assertThat(config.getMinFiles()).isEqualTo(10);
        assertThat(config.getVacuumInterval()).isEqualTo(new Duration(1, TimeUnit.DAYS));
        assertThat(config.getVacuumRetention()).isEqualTo(new Duration(7, TimeUnit.DAYS));
    }
}
