package io.timefusion.trino;

import io.timefusion.contract.AdminCredentials;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.timefusion.trino.buffer.FakeGateway;
import io.trino.Session;
import io.trino.spi.security.Identity;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.timefusion.contract.AdminCredentials.GATEWAY_TOKEN_CREDENTIAL;
import static io.timefusion.contract.SessionProperties.INGEST_TXN_APP_ID;
import static io.timefusion.contract.SessionProperties.INGEST_TXN_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every query sees the gateways' write buffers (issue #12): a gateway announces itself with announce_gateway, and a
 * SELECT through Trino unions its buffered rows with the Delta files, consistently with the snapshot it reads. The
 * gateways are {@link FakeGateway}s; Trino runs a coordinator and a worker, so buffer splits travel as JSON and workers
 * read the registry themselves. Each case has its own catalog and gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestBufferReads
{
    private static final String SECRETS_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String TOKEN = "gatewayToken" + "A".repeat(31);
    private static final String OTHER_TOKEN = "gatewayToken" + "B".repeat(31);

    @TempDir
    static Path temporaryDirectory;
    private final LogCapture logs = new LogCapture();
    private final List<FakeGateway> gateways = new ArrayList<>();
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder().withWorkers(1).build();
        // after the runner: it configures logging and replaces the root handlers
        logs.start();
    }

    @AfterAll
    void stopTrino()
    {
        logs.stop();
        queryRunner.close();
    }

    @AfterEach
    void stopGateways()
    {
        gateways.forEach(FakeGateway::close);
        gateways.clear();
    }

    @Test
    void aSelectReturnsBufferedRowsWithTheFileRowsInTheRequestedColumns()
            throws IOException
    {
        createCatalog("unioned", Map.of());
        insert("unioned", "file-1", "p1", "2025-07-01 10:00:00");
        FakeGateway gateway = gateway("gw-1")
                // 23:30 UTC is the next day in the test session's time zone: date must be the UTC day
                .add(1, row("2025-07-01T23:30:00Z", "buffered-1", "p1", "span"))
                .add(2, row("2025-07-02T08:00:00Z", "buffered-2", "p2", null));
        announce("unioned", "gw-1", gateway.url(), TOKEN);

        assertThat(rows("SELECT name, date, id FROM unioned.public.otel_logs_and_spans ORDER BY id")).containsExactly(
                "span|2025-07-01|buffered-1",
                "null|2025-07-02|buffered-2",
                "null|2025-07-01|file-1");
    }

    @Test
    void rowsAtOrBelowTheSnapshotsWatermarkAreNotReturnedTwice()
            throws IOException
    {
        createCatalog("flushed", Map.of());
        FakeGateway gateway = gateway("gw-1");
        for (int sequence = 1; sequence <= 3; sequence++) {
            gateway.add(sequence, row("2025-07-01T10:00:0%dZ".formatted(sequence), "seq-" + sequence, "p1", null));
        }
        announce("flushed", "gw-1", gateway.url(), TOKEN);
        // the gateway flushed sequences 1 and 2 and keeps them for its grace period
        Session flush = Session.builder(queryRunner.getDefaultSession())
                .setCatalogSessionProperty("flushed", INGEST_TXN_APP_ID, "gw-1")
                .setCatalogSessionProperty("flushed", INGEST_TXN_VERSION, "2")
                .build();
        queryRunner.execute(flush, """
                INSERT INTO flushed.public.otel_logs_and_spans (id, project_id, timestamp, date)
                VALUES ('seq-1', 'p1', TIMESTAMP '2025-07-01 10:00:01 UTC', DATE '2025-07-01'),
                       ('seq-2', 'p1', TIMESTAMP '2025-07-01 10:00:02 UTC', DATE '2025-07-01')
                """);

        assertThat(rows("SELECT id FROM flushed.public.otel_logs_and_spans ORDER BY id")).containsExactly("seq-1", "seq-2", "seq-3");
        assertThat(gateway.lastRequest().path("defaultWatermark").asLong()).isEqualTo(2);
    }

    @Test
    void projectAndDatePredicatesFilterBufferedRowsExactly()
            throws IOException
    {
        createCatalog("filtered", Map.of());
        FakeGateway gateway = gateway("gw-1")
                .add(1, row("2025-07-01T10:00:00Z", "p1-day1", "p1", null))
                .add(2, row("2025-07-02T10:00:00Z", "p1-day2", "p1", null))
                .add(3, row("2025-07-01T10:00:00Z", "p2-day1", "p2", null))
                .add(4, row("2025-07-01T10:00:00Z", "p3-day1", "p3", null));
        announce("filtered", "gw-1", gateway.url(), TOKEN);

        // the fake gateway ignores the coarse filters, as the contract allows: only the plugin's exact filter keeps the others out
        assertThat(rows("SELECT id FROM filtered.public.otel_logs_and_spans WHERE project_id = 'p1' AND date = DATE '2025-07-01'"))
                .containsExactly("p1-day1");
        assertThat(rows("SELECT id FROM filtered.public.otel_logs_and_spans WHERE project_id IN ('p1', 'p2') AND date < DATE '2025-07-02' ORDER BY id"))
                .containsExactly("p1-day1", "p2-day1");
        assertThat(rows("SELECT id FROM filtered.public.otel_logs_and_spans WHERE project_id > 'p1' ORDER BY id"))
                .containsExactly("p2-day1", "p3-day1");
    }

    @Test
    void countStarCountsBufferedRowsWithoutAskingForColumns()
            throws IOException
    {
        createCatalog("counted", Map.of());
        insert("counted", "file-1", "p1", "2025-07-01 10:00:00");
        FakeGateway gateway = gateway("gw-1");
        for (int sequence = 1; sequence <= 5; sequence++) {
            gateway.add(sequence, row("2025-07-01T11:00:0%dZ".formatted(sequence), "buffered-" + sequence, "p1", null));
        }
        announce("counted", "gw-1", gateway.url(), TOKEN);

        assertThat(queryRunner.execute("SELECT count(*) FROM counted.public.otel_logs_and_spans").getOnlyValue()).isEqualTo(6L);
        assertThat(gateway.lastRequest().path("columns").toString()).isEqualTo("[]");
    }

    @Test
    void aGatewayThatRefusesTheTokenFailsTheQueryWithAClearErrorThatNamesNoToken()
            throws IOException
    {
        createCatalog("refused", Map.of());
        FakeGateway gateway = gateway("gw-1");
        announce("refused", "gw-1", gateway.url(), TOKEN);
        gateway.acceptOnly(OTHER_TOKEN);

        assertThatThrownBy(() -> queryRunner.execute("SELECT count(*) FROM refused.public.otel_logs_and_spans"))
                .hasMessageContaining("The gateway gw-1 at %s refused the token it announced (HTTP 401".formatted(gateway.authority()))
                .hasMessageNotContaining(TOKEN)
                .hasMessageNotContaining(OTHER_TOKEN);
        assertThat(logs.text()).doesNotContain(TOKEN).doesNotContain(OTHER_TOKEN);
    }

    @Test
    void anUnreachableLiveGatewayFailsTheQueryNamingIt()
            throws IOException
    {
        createCatalog("unreachable", Map.of());
        String url = FakeGateway.unreachableUrl();
        announce("unreachable", "gw-down", url, TOKEN);

        assertThatThrownBy(() -> queryRunner.execute("SELECT count(*) FROM unreachable.public.otel_logs_and_spans"))
                .hasMessageContaining("Cannot read the buffered rows of the gateway gw-down at " + url.substring("http://".length()))
                .hasMessageContaining("timefusion.buffer.unavailable-gateway=skip");
    }

    @Test
    void anUnreachableLiveGatewayIsSkippedWithSkip()
            throws IOException
    {
        createCatalog("skipping", Map.of("timefusion.buffer.unavailable-gateway", "skip"));
        insert("skipping", "file-1", "p1", "2025-07-01 10:00:00");
        FakeGateway reachable = gateway("gw-up").add(1, row("2025-07-01T11:00:00Z", "buffered-1", "p1", null));
        announce("skipping", "gw-up", reachable.url(), TOKEN);
        announce("skipping", "gw-down", FakeGateway.unreachableUrl(), TOKEN);

        assertThat(rows("SELECT id FROM skipping.public.otel_logs_and_spans ORDER BY id")).containsExactly("buffered-1", "file-1");
        assertThat(logs.text()).contains("Skipping the gateway gw-down at 127.0.0.1:");
    }

    @Test
    void aRetiredGatewayIsNotAsked()
            throws IOException
    {
        createCatalog("retiring", Map.of());
        insert("retiring", "file-1", "p1", "2025-07-01 10:00:00");
        FakeGateway gateway = gateway("gw-1").add(1, row("2025-07-01T11:00:00Z", "buffered-1", "p1", null));
        announce("retiring", "gw-1", gateway.url(), TOKEN);
        queryRunner.execute(TimeFusionQueryRunner.adminSession(), "CALL retiring.system.retire_gateway(gateway_id => 'gw-1')");

        assertThat(rows("SELECT id FROM retiring.public.otel_logs_and_spans")).containsExactly("file-1");
        assertThat(gateway.requests()).isEmpty();
    }

    @Test
    void aGatewayWhoseHeartbeatExpiredIsNotAsked()
            throws Exception
    {
        // long enough for the first query to start within it on a busy machine
        long expiryMillis = 4_000;
        createCatalog("expiring", Map.of("timefusion.buffer.gateway-expiry", expiryMillis + "ms"));
        FakeGateway gateway = gateway("gw-1").add(1, row("2025-07-01T11:00:00Z", "buffered-1", "p1", null));
        long announced = System.currentTimeMillis();
        announce("expiring", "gw-1", gateway.url(), TOKEN);
        assertThat(queryRunner.execute("SELECT count(*) FROM expiring.public.otel_logs_and_spans").getOnlyValue()).isEqualTo(1L);

        Thread.sleep(Math.max(0, announced + expiryMillis + 500 - System.currentTimeMillis()));

        assertThat(queryRunner.execute("SELECT count(*) FROM expiring.public.otel_logs_and_spans").getOnlyValue()).isEqualTo(0L);
        assertThat(gateway.requests()).hasSize(1);
        assertThat(rows("SELECT gateway_id, live, retired FROM expiring.system.gateways")).containsExactly("gw-1|false|false");
    }

    @Test
    void announceListsEveryInvalidInput()
    {
        createCatalog("validating", Map.of());

        assertThatThrownBy(() -> queryRunner.execute(gatewaySession("not-a-token"),
                "CALL validating.system.announce_gateway(gateway_id => 'bad id!', url => 'ftp://127.0.0.1:1')"))
                .hasMessageContaining("Invalid gateway announcement")
                .hasMessageContaining("gateway_id: 1 to 128 letters, digits, '.', '_' or '-'")
                .hasMessageContaining("url: an absolute http or https URL")
                .hasMessageContaining("token: the extra credential timefusion.gateway_token must be 43 characters of URL-safe base64")
                .hasMessageNotContaining("not-a-token");
        assertThatThrownBy(() -> queryRunner.execute(gatewaySession(TOKEN),
                "CALL validating.system.announce_gateway(gateway_id => 'gw-1', url => 'http://user:password@127.0.0.1:1')"))
                .hasMessageContaining("url: an absolute http or https URL with a host and without user info");
        assertThatThrownBy(() -> queryRunner.execute(TimeFusionQueryRunner.adminSession(), "CALL validating.system.retire_gateway(gateway_id => '')"))
                .hasMessageContaining("Invalid gateway retirement: gateway_id");
        assertThat(queryRunner.execute("SELECT count(*) FROM validating.system.gateways").getOnlyValue()).isEqualTo(0L);
    }

    @Test
    void onlyTheAdminPrincipalMayAnnounceAGateway()
    {
        createCatalog("impostor", Map.of());
        Session impostor = Session.builder(queryRunner.getDefaultSession())
                .setIdentity(Identity.forUser("someone").withExtraCredentials(Map.of(GATEWAY_TOKEN_CREDENTIAL, TOKEN)).build())
                .build();

        // a gateway announced by anyone could put rows of its own into every query's answer
        assertThatThrownBy(() -> queryRunner.execute(impostor, "CALL impostor.system.announce_gateway(gateway_id => 'gw-1', url => 'http://127.0.0.1:1')"))
                .hasMessageContaining("Access Denied");
        assertThat(queryRunner.execute("SELECT count(*) FROM impostor.system.gateways").getOnlyValue()).isEqualTo(0L);
    }

    @Test
    void theTokenTravelsOnlyInTheExtraCredentialNeverInTheStatement()
    {
        createCatalog("credential", Map.of());

        assertThatThrownBy(() -> queryRunner.execute(TimeFusionQueryRunner.adminSession(), "CALL credential.system.announce_gateway(gateway_id => 'gw-1', url => 'http://127.0.0.1:1')"))
                .hasMessageContaining("token: pass the gateway's token in the extra credential timefusion.gateway_token (never in the statement");
        assertThatThrownBy(() -> queryRunner.execute(TimeFusionQueryRunner.adminSession(),
                "CALL credential.system.announce_gateway(gateway_id => 'gw-1', url => 'http://127.0.0.1:1', token => '%s')".formatted(TOKEN)))
                .hasMessageContaining("Unknown argument name: TOKEN");
        assertThat(queryRunner.execute("SELECT count(*) FROM credential.system.gateways").getOnlyValue()).isEqualTo(0L);
    }

    @Test
    void theGatewaysTableShowsEachGatewayButNeverItsToken()
            throws IOException
    {
        Path data = createCatalog("listing", Map.of());
        announce("listing", "gw-b", "http://127.0.0.1:7002/", TOKEN);
        announce("listing", "gw-a", "http://127.0.0.1:7001", OTHER_TOKEN);
        queryRunner.execute(TimeFusionQueryRunner.adminSession(), "CALL listing.system.retire_gateway(gateway_id => 'gw-b')");

        assertThat(rows("SELECT gateway_id, url, live, retired, last_heartbeat > current_timestamp - INTERVAL '1' MINUTE FROM listing.system.gateways ORDER BY gateway_id"))
                .containsExactly("gw-a|http://127.0.0.1:7001|true|false|true", "gw-b|http://127.0.0.1:7002|false|true|true");
        assertThat(queryRunner.execute("SELECT * FROM listing.system.gateways").toString()).doesNotContain(TOKEN).doesNotContain(OTHER_TOKEN);
        assertThat(Files.readString(data.resolve("timefusion/_gateways/gw-a.json"))).doesNotContain(OTHER_TOKEN);
    }

    private Path createCatalog(String catalog, Map<String, String> properties)
    {
        try {
            Path data = Files.createDirectories(temporaryDirectory.resolve(catalog));
            Map<String, String> all = new HashMap<>(TimeFusionQueryRunner.localProperties(data));
            all.put("timefusion.secrets-key", SECRETS_KEY);
            all.putAll(properties);
            queryRunner.createCatalog(catalog, "timefusion", all);
            return data;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FakeGateway gateway(String gatewayId)
            throws IOException
    {
        FakeGateway gateway = FakeGateway.start(gatewayId, TOKEN);
        gateways.add(gateway);
        return gateway;
    }

    private void announce(String catalog, String gatewayId, String url, String token)
    {
        queryRunner.execute(gatewaySession(token), "CALL %s.system.announce_gateway(gateway_id => '%s', url => '%s')".formatted(catalog, gatewayId, url));
    }

    private Session gatewaySession(String token)
    {
        return Session.builder(queryRunner.getDefaultSession())
                .setIdentity(Identity.forUser(TimeFusionQueryRunner.ADMIN_USER)
                        .withExtraCredentials(Map.of(GATEWAY_TOKEN_CREDENTIAL, token, AdminCredentials.ADMIN_SECRET_CREDENTIAL, TimeFusionQueryRunner.ADMIN_SECRET))
                        .build())
                .build();
    }

    private void insert(String catalog, String id, String projectId, String utcTimestamp)
    {
        queryRunner.execute("INSERT INTO %s.public.otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('%s', '%s', TIMESTAMP '%s UTC', DATE '%s')"
                .formatted(catalog, id, projectId, utcTimestamp, utcTimestamp.substring(0, 10)));
    }

    private List<String> rows(String sql)
    {
        return queryRunner.execute(sql).getMaterializedRows().stream()
                .map(MaterializedRow::getFields)
                .map(fields -> String.join("|", fields.stream().map(String::valueOf).toList()))
                .toList();
    }

    private static Map<String, Object> row(String timestamp, String id, String projectId, String name)
    {
        Map<String, Object> row = new HashMap<>();
        row.put("timestamp", Instant.parse(timestamp));
        row.put("id", id);
        row.put("project_id", projectId);
        row.put("name", name);
        return row;
    }
}
