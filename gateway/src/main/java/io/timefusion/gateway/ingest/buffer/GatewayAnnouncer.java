package io.timefusion.gateway.ingest.buffer;

import com.google.inject.Inject;
import io.airlift.log.Logger;
import io.timefusion.contract.SystemSchema;
import io.timefusion.gateway.GatewayConfig;
import io.timefusion.gateway.ingest.GatewayUrl;
import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.sql.SqlLiterals;
import io.timefusion.gateway.trino.TrinoSessions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.timefusion.contract.AdminCredentials.GATEWAY_TOKEN_CREDENTIAL;
import static io.timefusion.contract.SystemSchema.ANNOUNCE_GATEWAY;
import static io.timefusion.contract.SystemSchema.RETIRE_GATEWAY;
import static java.util.Objects.requireNonNull;

/**
 * Tells the plugin that this gateway holds buffered rows and where to fetch them:
 * {@code CALL <catalog>.system.announce_gateway(gateway_id, url)} as the admin principal (the connector lets no one else
 * run its procedures) at start and every {@link #HEARTBEAT_SECONDS} s, its
 * token as a Trino extra credential (never in statement text, which Trino keeps in its query history); and
 * {@code retire_gateway} once a shutdown flushed everything. While Trino cannot be reached the announcement is retried at
 * every heartbeat; the plugin stops asking a gateway whose heartbeat is older than its gateway expiry.
 */
public class GatewayAnnouncer
{
    public static final int HEARTBEAT_SECONDS = 10;
    private static final Logger log = Logger.get(GatewayAnnouncer.class);

    private final TrinoSessions sessions;
    private final GatewayIdentity identity;
    private final String url;
    private final String catalog;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("gateway-heartbeat").daemon().factory());
    private final CountDownLatch firstAnnouncement = new CountDownLatch(1);
    private volatile String lastFailure = "not announced yet";
    private volatile boolean failing;
    private long lastAnnouncedNanos;
    private boolean announced;

    @Inject
    public GatewayAnnouncer(TrinoSessions sessions, GatewayIdentity identity, GatewayUrl url, GatewayConfig config)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.identity = requireNonNull(identity, "identity is null");
        this.url = url.baseUrl();
        this.catalog = config.getTrinoCatalog();
    }

    @PostConstruct
    public void start()
    {
        heartbeat.scheduleWithFixedDelay(this::tick, 0, 200, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    public void stop()
    {
        heartbeat.shutdownNow();
    }

    /**
     * Waits until the plugin knows this gateway since its start: before that no query would read its buffer, so
     * acknowledging a row would not make it visible.
     *
     * @throws IngestException 57P03 (cannot_connect_now, as a starting Postgres) with the reason the announcement failed
     */
    public void awaitAnnounced(Duration timeout)
            throws IngestException, InterruptedException
    {
        if (!firstAnnouncement.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IngestException("57P03", "the gateway cannot acknowledge writes yet: Trino does not know it, so no query would see its buffered rows (%s)".formatted(lastFailure));
        }
    }

    /** Takes this gateway out of the plugin's reads: called once nothing is left that only it can serve. */
    public void retire()
    {
        heartbeat.shutdownNow();
        try {
            call("CALL %s.%s.%s(gateway_id => %s)".formatted(catalog, SystemSchema.NAME, RETIRE_GATEWAY, SqlLiterals.string(identity.id())));
            log.info("Gateway %s retired: queries no longer read its buffer", identity.id());
        }
        catch (SQLException e) {
            log.warn("Could not retire gateway %s (%s): queries ask it until its registration expires", identity.id(), e.getMessage());
        }
    }

    /**
     * The first announcement waits until this gateway's HTTP port answers (the HTTP server starts after this service,
     * and a query may fetch as soon as the announcement is stored); then one every {@link #HEARTBEAT_SECONDS} s.
     */
    private void tick()
    {
        // until the first announcement succeeded, again every second: writes wait for it
        long interval = TimeUnit.SECONDS.toNanos(firstAnnouncement.getCount() == 0 ? HEARTBEAT_SECONDS : 1);
        if (announced ? System.nanoTime() - lastAnnouncedNanos >= interval : listening()) {
            lastAnnouncedNanos = System.nanoTime();
            announced = true;
            announce();
        }
    }

    private boolean listening()
    {
        URI uri = URI.create(url);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        try (Socket _ = new Socket(uri.getHost(), port)) {
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    private void announce()
    {
        try {
            call("CALL %s.%s.%s(gateway_id => %s, url => %s)".formatted(catalog, SystemSchema.NAME, ANNOUNCE_GATEWAY, SqlLiterals.string(identity.id()), SqlLiterals.string(url)));
            if (failing) {
                log.info("Gateway %s announced again at %s", identity.id(), url);
            }
            failing = false;
            firstAnnouncement.countDown();
        }
        catch (SQLException | RuntimeException e) {
            lastFailure = e.getMessage();
            if (!failing) {
                log.warn("Could not announce gateway %s to Trino, retrying every %d s: %s", identity.id(), HEARTBEAT_SECONDS, e.getMessage());
            }
            failing = true;
        }
    }

    private void call(String sql)
            throws SQLException
    {
        try (Connection connection = sessions.openAdmin(Map.of(GATEWAY_TOKEN_CREDENTIAL, identity.token()));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
