package io.timefusion.gateway;

import com.google.common.collect.ImmutableMap;

import java.util.Map;

/**
 * The environment variables of docs/configuration.md (and the gateway's own) as configuration properties. Each variable is a
 * promise in docs/configuration.md: one entry here makes it work.
 */
public final class GatewayEnvironment
{
    private static final Map<String, String> PROPERTY_BY_VARIABLE = ImmutableMap.<String, String>builder()
            .put("PORT", "http-server.http.port")
            .put("HTTP_BIND_ADDRESS", "node.bind-ip")
            .put("PGWIRE_PORT", "pgwire.port")
            .put("PGWIRE_BIND_ADDRESS", "pgwire.bind-address")
            .put("MAX_PG_CONNECTIONS", "pgwire.max-connections")
            .put("PGWIRE_MAX_MESSAGE_SIZE", "pgwire.max-message-size")
            .put("PGWIRE_MAX_STATEMENT_SIZE", "pgwire.max-statement-size")
            .put("PGWIRE_MAX_BIND_SIZE", "pgwire.max-bind-size")
            .put("PGWIRE_MAX_SESSION_INPUT", "pgwire.max-session-input")
            .put("PGWIRE_AUTHENTICATION_TIMEOUT", "pgwire.authentication-timeout")
            .put("PGWIRE_STARTUP_TIMEOUT", "pgwire.startup-timeout")
            .put("PGWIRE_USER", "pgwire.user")
            .put("PGWIRE_PASSWORD", "pgwire.password")
            .put("PGWIRE_ALLOW_NO_PASSWORD", "pgwire.allow-no-password")
            .put("PGWIRE_AUTH_METHOD", "pgwire.authentication-method")
            .put("PGWIRE_TLS_CERT", "pgwire.tls.certificate-file")
            .put("PGWIRE_TLS_KEY", "pgwire.tls.key-file")
            .put("TRINO_URL", "trino.url")
            .put("TRINO_CATALOG", "trino.catalog")
            .put("TRINO_ADMIN_USER", "trino.admin-user")
            .put("TRINO_ADMIN_SECRET", "trino.admin-secret")
            .put("TIMEFUSION_ADMIN_TOKEN", "admin.token")
            .put("ENABLE_QUERY_CACHE", "query-cache.enabled")
            .put("QUERY_CACHE_MAX_ENTRIES", "query-cache.max-entries")
            .put("QUERY_CACHE_TTL_SECONDS", "query-cache.ttl-seconds")
            .put("QUERY_CACHE_MAX_SIZE_MB", "query-cache.max-size-mb")
            .put("INGEST_TRANSPORT", "ingest.transport")
            .put("INGEST_BATCH_URL", "ingest.batch-url")
            .put("ENABLE_BATCH_QUEUE", "ingest.batch-queue.enabled")
            .put("BATCH_INTERVAL_MS", "ingest.batch-interval-ms")
            .put("MAX_BATCH_SIZE", "ingest.max-batch-size")
            .put("BATCH_QUEUE_MAX_ROWS", "ingest.batch-queue.max-rows")
            .put("BATCH_QUEUE_MAX_SIZE", "ingest.batch-queue.max-size")
            .put("BATCH_QUEUE_WAIT_TIMEOUT_MS", "ingest.batch-queue.wait-timeout-ms")
            .put("BATCH_QUEUE_SHUTDOWN_TIMEOUT_MS", "ingest.batch-queue.shutdown-timeout-ms")
            .put("QUEUE_DB_PATH", "ingest.queue-db-path")
            .put("BUFFER_MAX_SIZE_MB", "ingest.buffer.max-size-mb")
            .put("BUFFER_GRACE_PERIOD_MS", "ingest.buffer.grace-period-ms")
            .put("COPY_MAX_SIZE", "ingest.copy-max-size")
            .put("MAINTENANCE_ENABLED", "maintenance.enabled")
            .put("MAINTENANCE_INTERVAL", "maintenance.interval")
            .put("MAINTENANCE_MIN_FILES", "maintenance.min-files")
            .put("MAINTENANCE_VACUUM_INTERVAL", "maintenance.vacuum-interval")
            .put("MAINTENANCE_VACUUM_RETENTION", "maintenance.vacuum-retention")
            .buildOrThrow();

    private static final Map<String, String> DEFAULTS = Map.of(
            "http-server.http.port", "80",
            "node.environment", "timefusion");

    private GatewayEnvironment() {}

    public static Map<String, String> toProperties(Map<String, String> environment)
    {
        Map<String, String> properties = new java.util.HashMap<>(DEFAULTS);
        PROPERTY_BY_VARIABLE.forEach((variable, property) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                properties.put(property, value);
            }
        });
        return properties;
    }
}
