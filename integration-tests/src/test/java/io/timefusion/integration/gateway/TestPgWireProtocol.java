package io.timefusion.integration.gateway;

import io.timefusion.integration.gateway.RawPgClient.BackendMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.timefusion.integration.gateway.RawPgClient.bind;
import static io.timefusion.integration.gateway.RawPgClient.describePortal;
import static io.timefusion.integration.gateway.RawPgClient.execute;
import static io.timefusion.integration.gateway.RawPgClient.parse;
import static io.timefusion.integration.gateway.RawPgClient.query;
import static io.timefusion.integration.gateway.RawPgClient.sync;
import static io.timefusion.integration.gateway.RawPgClient.tags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Message sequences at the byte level, the way golden protocol traces are written: what the client sends, which
 * backend messages come back, in order. The gateway here asks for cleartext passwords so the raw client can log in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPgWireProtocol
{
    private static final int MAX_MESSAGE_SIZE = 1024 * 1024;

    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        gateway = TestingGateway.start(Map.of(
                "pgwire.authentication-method", "password",
                "pgwire.max-message-size", MAX_MESSAGE_SIZE + "B"));
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    private RawPgClient loggedIn()
            throws IOException
    {
        RawPgClient client = new RawPgClient(gateway.pgwirePort());
        List<BackendMessage> login = client.login(TestingGateway.USER, TestingGateway.PASSWORD);
        assertThat(tags(login)).startsWith("RR").contains("SK").endsWith("Z");
        return client;
    }

    @Test
    void startupAskingForProtocol32IsToldToSpeak30()
            throws IOException
    {
        try (RawPgClient client = new RawPgClient(gateway.pgwirePort())) {
            client.send(RawPgClient.startup(3, 2, Map.of("user", TestingGateway.USER, "_pq_.future_option", "on")));
            BackendMessage negotiate = client.read();
            assertThat(negotiate.tag()).isEqualTo('v');
            assertThat(negotiate.body()).startsWith(0, 0, 0, 0, 0, 0, 0, 1);
            assertThat(negotiate.text()).contains("_pq_.future_option");
            assertThat(client.read().tag()).isEqualTo('R');
        }
    }

    @Test
    void severalStatementsInOneQueryEachGetTheirCommandTag()
            throws IOException
    {
        try (RawPgClient client = loggedIn()) {
            client.send(query("SELECT 1; SELECT 2 UNION ALL SELECT 3; "));
            List<BackendMessage> messages = client.readUntil('Z');
            assertThat(tags(messages)).isEqualTo("TDCTDDCZ");
            assertThat(messages.get(2).text()).startsWith("SELECT 1");
            assertThat(messages.get(6).text()).startsWith("SELECT 2");
            client.send(query(" -- nothing\n"));
            assertThat(tags(client.readUntil('Z'))).isEqualTo("IZ");
        }
    }

    @Test
    void transactionStatusFollowsBeginErrorAndRollback()
            throws IOException
    {
        try (RawPgClient client = loggedIn()) {
            client.send(query("BEGIN"));
            assertThat(client.readUntil('Z').getLast().text()).isEqualTo("T");
            client.send(query("SELEC 1"));
            List<BackendMessage> failed = client.readUntil('Z');
            assertThat(failed.getFirst().sqlState()).isEqualTo("42601");
            assertThat(failed.getLast().text()).isEqualTo("E");
            client.send(query("SELECT 1"));
            List<BackendMessage> ignored = client.readUntil('Z');
            assertThat(ignored.getFirst().sqlState()).isEqualTo("25P02");
            client.send(query("ROLLBACK"));
            assertThat(client.readUntil('Z').getLast().text()).isEqualTo("I");
        }
    }

    @Test
    void pipelinedExtendedBatchIsAnsweredInOrder()
            throws IOException
    {
        try (RawPgClient client = loggedIn()) {
            client.send(
                    parse("", "SELECT upper($1)"), bind("", "", "x"), describePortal(""), execute("", 0),
                    parse("", "SELECT 2"), bind("", ""), execute("", 0),
                    sync());
            List<BackendMessage> messages = client.readUntil('Z');
            assertThat(tags(messages)).as(RawPgClient.describe(messages)).isEqualTo("12TDC12DCZ");
            assertThat(messages.get(3).text()).contains("X");
        }
    }

    @Test
    void afterAnErrorMessagesAreSkippedUntilSync()
            throws IOException
    {
        try (RawPgClient client = loggedIn()) {
            client.send(
                    parse("", "SELECT 1 / 0"), bind("", ""), execute("", 0),
                    parse("", "SELECT 'skipped'"), bind("", ""), execute("", 0),
                    sync());
            List<BackendMessage> messages = client.readUntil('Z');
            assertThat(tags(messages)).isEqualTo("12EZ");
            assertThat(messages.get(2).sqlState()).isEqualTo("22012");
            client.send(parse("", "SELECT 'next batch'"), bind("", ""), execute("", 0), sync());
            assertThat(tags(client.readUntil('Z'))).isEqualTo("12DCZ");
        }
    }

    @Test
    void executeWithARowLimitSuspendsThePortalAndResumes()
            throws IOException
    {
        try (RawPgClient client = loggedIn()) {
            client.send(query("BEGIN"));
            client.readUntil('Z');
            client.send(parse("", "SELECT x FROM UNNEST(sequence(1, 5)) t(x)"), bind("cursor", ""), execute("cursor", 2), execute("cursor", 2), execute("cursor", 2), sync());
            List<BackendMessage> messages = client.readUntil('Z');
            assertThat(tags(messages)).isEqualTo("12DDsDDsDCZ");
            assertThat(messages.get(9).text()).startsWith("SELECT 5");
            client.send(query("COMMIT"));
            client.readUntil('Z');
        }
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedAndTheConnectionClosed()
            throws IOException
    {
        try (RawPgClient client = loggedIn()) {
            // the header announces more than the limit: the server must refuse before reading the body
            byte[] header = {'Q', 0, 0, 0, 0, 'S', 'E', 'L'};
            int announced = MAX_MESSAGE_SIZE + 1024;
            header[1] = (byte) (announced >>> 24);
            header[2] = (byte) (announced >>> 16);
            header[3] = (byte) (announced >>> 8);
            header[4] = (byte) announced;
            client.send(header);
            BackendMessage error = client.read();
            assertThat(error.tag()).isEqualTo('E');
            assertThat(error.sqlState()).isEqualTo("08P01");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void aThousandBrokenMessagesCrashNothingAndOtherSessionsGoOn()
            throws Exception
    {
        try (Connection bystander = gateway.connect(); Statement statement = bystander.createStatement()) {
            Random random = new Random(20261125);
            for (int i = 0; i < 1000; i++) {
                try (RawPgClient client = new RawPgClient(gateway.pgwirePort())) {
                    client.send(brokenMessage(random, i));
                    // the server answers, closes or waits for more bytes; none of it may harm anyone else
                }
                catch (IOException _) {
                    // the server closed first: that is a fine answer to garbage
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT 'alive'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("alive");
            }
        }
        try (RawPgClient client = loggedIn()) {
            client.send(query("SELECT 1"));
            assertThat(tags(client.readUntil('Z'))).isEqualTo("TDCZ");
        }
    }

    private static byte[] brokenMessage(Random random, int attempt)
    {
        return switch (attempt % 5) {
            case 0 -> randomBytes(random, random.nextInt(200));
            case 1 -> {
                byte[] startup = RawPgClient.startup(3, 0, Map.of("user", "postgres"));
                yield java.util.Arrays.copyOf(startup, random.nextInt(startup.length));
            }
            case 2 -> RawPgClient.untagged(randomBytes(random, 4 + random.nextInt(40)));
            case 3 -> {
                byte[] oversized = new byte[8];
                oversized[3] = 8;
                oversized[4] = 0x7f;
                yield oversized;
            }
            default -> {
                byte[] startup = RawPgClient.startup(3, 0, Map.of("user", "postgres"));
                byte[] garbage = randomBytes(random, random.nextInt(100));
                byte[] combined = java.util.Arrays.copyOf(startup, startup.length + garbage.length);
                System.arraycopy(garbage, 0, combined, startup.length, garbage.length);
                yield combined;
            }
        };
    }

    private static byte[] randomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void everyReplyReachesManyConcurrentSessionsIntact()
            throws Exception
    {
        // each reply is allocated on its session's virtual thread and freed by the event loop once written: with
        // Netty's adaptive allocator this load corrupted replies or closed connections (netty/netty#15206)
        int sessions = 32;
        int statementsPerSession = 500;
        try (ExecutorService clients = Executors.newFixedThreadPool(sessions)) {
            CompletionService<Integer> done = new ExecutorCompletionService<>(clients);
            for (int session = 0; session < sessions; session++) {
                int id = session;
                done.submit(() -> {
                    int answered = 0;
                    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
                        for (int i = 0; i < statementsPerSession; i++) {
                            // replies of varying length
                            statement.execute("SET application_name = '%s'".formatted("s".repeat(id) + i));
                            answered++;
                        }
                    }
                    return answered;
                });
            }
            for (int session = 0; session < sessions; session++) {
                assertThat(done.take().get()).isEqualTo(statementsPerSession);
            }
        }
    }

    @Test
    void statementTimeoutCancelsTheTrinoQuery()
            throws SQLException
    {
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = '1s'");
            assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM UNNEST(sequence(1, 10000)) a(x) CROSS JOIN UNNEST(sequence(1, 10000)) b(y) CROSS JOIN UNNEST(sequence(1, 1000)) c(z) WHERE x + y + z < 0").close())
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            statement.execute("RESET statement_timeout");
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void theConnectionOverTheLimitIsRefusedWith53300WhileOthersWork()
            throws SQLException, InterruptedException
    {
        // sessions of earlier tests release their places when their sockets close, which the server sees a moment later
        for (int attempt = 0; attempt < 100 && gateway.openSessions() > 0; attempt++) {
            Thread.sleep(100);
        }
        assertThat(gateway.openSessions()).isZero();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                connections.add(gateway.connect());
            }
            assertThatThrownBy(() -> gateway.connect().close())
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("53300"));
            try (Statement statement = connections.getFirst().createStatement(); ResultSet rows = statement.executeQuery("SELECT 'first still works'")) {
                assertThat(rows.next()).isTrue();
            }
        }
        finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
