package io.timefusion.integration.gateway;

import io.timefusion.gateway.server.ConnectionLimiter;
import io.timefusion.integration.gateway.RawPgClient.BackendMessage;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.server.BasicQueryInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import static io.timefusion.integration.gateway.RawPgClient.bindOfValueLength;
import static io.timefusion.integration.gateway.RawPgClient.describePortal;
import static io.timefusion.integration.gateway.RawPgClient.execute;
import static io.timefusion.integration.gateway.RawPgClient.parse;
import static io.timefusion.integration.gateway.RawPgClient.query;
import static io.timefusion.integration.gateway.RawPgClient.queryOfFrameLength;
import static io.timefusion.integration.gateway.RawPgClient.startup;
import static io.timefusion.integration.gateway.RawPgClient.sync;
import static io.timefusion.integration.gateway.RawPgClient.tags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Clients that stall, flood or send what a careless program sends: none may take the gateway down, lock others out or
 * grow its memory without bound. The gateway runs with small limits so that each can be reached quickly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestHostileClients
{
    private static final int MAX_CONNECTIONS = 20;
    private static final Duration AUTHENTICATION_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(2);
    private static final int FRAME_LIMIT = 16 << 20;
    private static final int STATEMENT_LIMIT = 1 << 20;
    private static final int BIND_LIMIT = 1 << 20;

    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        gateway = TestingGateway.start(Map.of(
                "pgwire.authentication-method", "password",
                "pgwire.max-connections", Integer.toString(MAX_CONNECTIONS),
                "pgwire.authentication-timeout", AUTHENTICATION_TIMEOUT.toSeconds() + "s",
                "pgwire.startup-timeout", STARTUP_TIMEOUT.toSeconds() + "s",
                "pgwire.max-message-size", FRAME_LIMIT + "B",
                "pgwire.max-statement-size", STATEMENT_LIMIT + "B",
                "pgwire.max-bind-size", BIND_LIMIT + "B"));
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void twentyStalledLoginsLockNobodyOutAndAreClosedAtTheAuthenticationTimeout()
            throws Exception
    {
        awaitZero(() -> gateway.openSessions(), "sessions of earlier tests");
        List<RawPgClient> stalled = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                RawPgClient client = new RawPgClient(gateway.pgwirePort());
                stalled.add(client);
                client.send(startup(3, 0, Map.of("user", TestingGateway.USER, "database", "timefusion")));
                // asked for the password, which never comes
                assertThat(client.read().tag()).isEqualTo('R');
            }
            assertThat(limiter().loginsInProgress()).isEqualTo(MAX_CONNECTIONS);

            try (Connection connection = gateway.connect(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 'logged in'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("logged in");
            }
            assertThat(elapsed(started)).as("the real client was served while the stalled logins still waited").isLessThan(AUTHENTICATION_TIMEOUT);
            assertThat(limiter().loginsInProgress()).isEqualTo(MAX_CONNECTIONS);

            for (RawPgClient client : stalled) {
                client.setReadTimeout(AUTHENTICATION_TIMEOUT.plusSeconds(20));
                BackendMessage error = client.read();
                assertThat(error.tag()).isEqualTo('E');
                assertThat(error.sqlState()).isEqualTo("57014");
                assertThat(error.text()).contains("canceling authentication due to timeout");
                assertThat(client.closedByServer()).isTrue();
            }
            assertThat(elapsed(started)).isGreaterThanOrEqualTo(AUTHENTICATION_TIMEOUT.minusMillis(500));
            awaitZero(() -> limiter().loginsInProgress(), "logins in progress after the timeout");
        }
        finally {
            for (RawPgClient client : stalled) {
                client.close();
            }
        }
    }

    @Test
    void aConnectionThatNeverSendsItsStartupMessageIsClosedAtTheStartupTimeout()
            throws Exception
    {
        try (RawPgClient silent = new RawPgClient(gateway.pgwirePort()); RawPgClient afterSsl = new RawPgClient(gateway.pgwirePort())) {
            long started = System.nanoTime();
            afterSsl.send(RawPgClient.sslRequest());
            assertThat(afterSsl.readByte()).isEqualTo('N');
            // nothing may be written to a client that could be in a TLS handshake: the connection just ends
            assertThat(silent.readByte()).isEqualTo(-1);
            assertThat(afterSsl.readByte()).isEqualTo(-1);
            assertThat(elapsed(started)).isBetween(STARTUP_TIMEOUT.minusMillis(500), AUTHENTICATION_TIMEOUT);
        }
        awaitZero(() -> limiter().loginsInProgress(), "logins in progress after the startup timeout");
    }

    @Test
    void loginsBeyondTwiceTheSessionLimitAreRefusedWith53300()
            throws Exception
    {
        List<RawPgClient> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * MAX_CONNECTIONS; i++) {
                RawPgClient client = new RawPgClient(gateway.pgwirePort());
                stalled.add(client);
                client.send(startup(3, 0, Map.of("user", TestingGateway.USER)));
                assertThat(client.read().tag()).isEqualTo('R');
            }
            try (RawPgClient refused = new RawPgClient(gateway.pgwirePort())) {
                refused.send(startup(3, 0, Map.of("user", TestingGateway.USER)));
                BackendMessage error = refused.read();
                assertThat(error.sqlState()).isEqualTo("53300");
                assertThat(refused.closedByServer()).isTrue();
            }
        }
        finally {
            for (RawPgClient client : stalled) {
                client.close();
            }
        }
        awaitZero(() -> limiter().loginsInProgress(), "logins in progress after their clients left");
    }

    @Test
    void aStatementAtTheFrameLimitIsRefusedWith54000AndTheSessionAnswersTheNextQuery()
            throws Exception
    {
        try (RawPgClient client = loggedIn()) {
            client.send(queryOfFrameLength(FRAME_LIMIT));
            List<BackendMessage> refused = client.readUntil('Z');
            assertThat(RawPgClient.describe(refused)).startsWith("E(").endsWith("Z");
            assertThat(refused.getFirst().sqlState()).isEqualTo("54000");
            assertThat(refused.getFirst().text()).contains("PGWIRE_MAX_STATEMENT_SIZE");

            client.send(query("SELECT 1"));
            assertThat(tags(client.readUntil('Z'))).isEqualTo("TDCZ");

            // a Bind over its limit: the error, everything to Sync skipped, then the session goes on
            client.send(parse("", "SELECT length($1::text)"), bindOfValueLength(BIND_LIMIT + 1), describePortal(""), execute("", 0), sync());
            List<BackendMessage> bind = client.readUntil('Z');
            assertThat(RawPgClient.describe(bind)).startsWith("1E(").endsWith("Z");
            assertThat(bind.get(1).sqlState()).isEqualTo("54000");
            client.send(query("SELECT 2"));
            assertThat(tags(client.readUntil('Z'))).isEqualTo("TDCZ");
        }
    }

    @Test
    void statementsOverTheLimitFailForRealClientsAndThoseBelowItRun()
            throws SQLException
    {
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
            String tooLong = "SELECT '" + "x".repeat(STATEMENT_LIMIT) + "'";
            assertThatThrownBy(() -> statement.execute(tooLong))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("54000"));
            try (ResultSet rows = statement.executeQuery("SELECT length('" + "y".repeat(STATEMENT_LIMIT - 100) + "')")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(STATEMENT_LIMIT - 100);
            }
        }
    }

    @Test
    void anApplicationNameOfAnyCharactersWorks()
            throws Exception
    {
        Properties dashboard = new Properties();
        dashboard.setProperty("ApplicationName", "dashboard – café");
        // so that pgjdbc sends the name in its StartupMessage, as psql and libpq do, rather than in a SET afterwards
        dashboard.setProperty("assumeMinServerVersion", "16");
        try (Connection connection = gateway.connect(dashboard); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 'from the dashboard'")) {
            assertThat(rows.next()).isTrue();
        }
        // Trino sees the name percent-encoded, recoverable, in a header its HTTP client accepts
        assertThat(gateway.queryRunner().getCoordinator().getQueryManager().getQueries().stream()
                .filter(query -> query.getQuery().contains("from the dashboard"))
                .map(BasicQueryInfo::getSession)
                .map(session -> session.getClientInfo().orElse("")))
                .contains("dashboard %E2%80%93 caf%C3%A9");

        try (RawPgClient client = new RawPgClient(gateway.pgwirePort())) {
            String hostile = "tab\tnewline\ncarriage\rpercent%emoji😀" + "ü".repeat(4000);
            client.send(startup(3, 0, Map.of("user", TestingGateway.USER, "application_name", hostile)));
            client.read();
            client.send(RawPgClient.password(TestingGateway.PASSWORD));
            client.readUntil('Z');
            client.send(query("SELECT 1"));
            assertThat(tags(client.readUntil('Z'))).isEqualTo("TDCZ");
        }

        assumeTrue(ExternalProcess.available("psql"), "psql is not installed (Debian package postgresql-client; .ci/run installs it)");
        ExternalProcess psql = ExternalProcess.run(
                List.of("psql", "host=127.0.0.1 port=%d dbname=timefusion user=%s application_name='Grafana – Übersicht'".formatted(gateway.pgwirePort(), TestingGateway.USER),
                        "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", "SELECT 'psql ok'"),
                Map.of("PGPASSWORD", TestingGateway.PASSWORD),
                "");
        assertThat(psql.exitCode()).as(psql.stderr()).isZero();
        assertThat(psql.stdout().strip()).isEqualTo("psql ok");
    }

    @Test
    void aClientThatPipelinesWithoutReadingCannotGrowTheGatewaysMemory()
            throws Exception
    {
        try (GatewayProcess small = GatewayProcess.start(
                // the whole heap resident from the start, so that the resident set grows only by what the heap cannot show
                List.of("-Xms192m", "-Xmx192m", "-XX:+AlwaysPreTouch", "-XX:+ExitOnOutOfMemoryError"),
                Map.of("TRINO_URL", gateway.queryRunner().getCoordinator().getBaseUrl().toString(),
                        "TRINO_ADMIN_SECRET", TimeFusionQueryRunner.ADMIN_SECRET,
                        "PGWIRE_PASSWORD", TestingGateway.PASSWORD,
                        "PGWIRE_AUTH_METHOD", "password"))) {
            long residentBefore = small.residentSetBytes();
            AtomicLong accepted = new AtomicLong();
            try (RawPgClient client = new RawPgClient(small.pgwirePort())) {
                client.login(TestingGateway.USER, TestingGateway.PASSWORD);
                // a million rows the client never reads: the session blocks writing them
                client.send(query("SELECT a.x * 1000 + b.y FROM UNNEST(sequence(1, 1000)) a(x) CROSS JOIN UNNEST(sequence(1, 1000)) b(y)"));
                Thread writer = Thread.ofPlatform().daemon().start(() -> pipeline(client.rawOutput(), accepted));
                Thread.sleep(8_000);
                long afterEightSeconds = accepted.get();
                Thread.sleep(2_000);
                // without back-pressure the gateway read 256 MB within a second and this heap ran out
                assertThat(accepted.get()).as("bytes the gateway let the client send").isLessThan(64L << 20);
                assertThat(accepted.get() - afterEightSeconds).as("bytes sent in the last two seconds").isLessThan(1L << 20);
                assertThat(small.isAlive()).isTrue();
                assertThat(small.liveHeapBytes()).as("the gateway's live heap").isLessThan(128L << 20);
                assertThat(small.residentSetBytes() - residentBefore).as("growth of the gateway's resident set").isLessThan(128L << 20);
                writer.interrupt();
            }
            try (Connection connection = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%d/timefusion".formatted(small.pgwirePort()), TestingGateway.USER, TestingGateway.PASSWORD);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT 'still here'")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    /**
     * Query messages of 200 kB, below the statement limit the 192 MB heap gives (384 kB), so that each would be read
     * and held: sent until the socket blocks for good (or the test closes it), 512 MB at most.
     */
    private static void pipeline(OutputStream output, AtomicLong accepted)
    {
        byte[] message = queryOfFrameLength(200 * 1024);
        try {
            for (int i = 0; i < 2600; i++) {
                output.write(message);
                accepted.addAndGet(message.length);
            }
        }
        catch (IOException e) {
            // the test closed the connection
        }
    }

    private RawPgClient loggedIn()
            throws IOException
    {
        RawPgClient client = new RawPgClient(gateway.pgwirePort());
        List<BackendMessage> login = client.login(TestingGateway.USER, TestingGateway.PASSWORD);
        assertThat(tags(login)).startsWith("RR").endsWith("Z");
        return client;
    }

    private ConnectionLimiter limiter()
    {
        return gateway.instance(ConnectionLimiter.class);
    }

    private static Duration elapsed(long startedNanos)
    {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Connections closed by a client are seen by the server a moment later. */
    private static void awaitZero(IntSupplier count, String what)
            throws InterruptedException
    {
        for (int attempt = 0; attempt < 100 && count.getAsInt() > 0; attempt++) {
            Thread.sleep(100);
        }
        assertThat(count.getAsInt()).as(what).isZero();
    }
}
