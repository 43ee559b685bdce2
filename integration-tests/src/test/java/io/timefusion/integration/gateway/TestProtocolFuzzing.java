package io.timefusion.integration.gateway;

import com.google.inject.Injector;
import io.airlift.bootstrap.LifeCycleManager;
import io.timefusion.gateway.GatewayMain;
import io.timefusion.gateway.server.PgServer;
import io.timefusion.integration.gateway.RawPgClient.BackendMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.timefusion.integration.gateway.RawPgClient.describe;
import static io.timefusion.integration.gateway.RawPgClient.query;
import static io.timefusion.integration.gateway.RawPgClient.saslInitialResponse;
import static io.timefusion.integration.gateway.RawPgClient.startup;
import static io.timefusion.integration.gateway.RawPgClient.tagged;
import static io.timefusion.integration.gateway.RawPgClient.tags;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzed frontend messages ({@link FrontendFuzzer}) over raw sockets, in the login (SCRAM) and in sessions: whatever a
 * client sends, the gateway answers with the SQLSTATE Postgres would use, never XX000 (internal_error: a bug of ours),
 * and stays up for everyone. Each XX000 the fuzzing found has a regression test of its own below.
 *
 * <p>Most messages go to a second gateway whose Trino cannot be reached: every statement that gets past the gateway's
 * own checks then fails at once (08006) instead of costing a Trino round trip, so 20,000 messages take seconds, not
 * an hour. Fewer go to the gateway in front of the real Trino, for the paths after Trino answers (results, COPY into
 * the table). {@code -Dtimefusion.fuzz.seed} and {@code -Dtimefusion.fuzz.messages} change the seed and the count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestProtocolFuzzing
{
    private static final long SEED = Long.getLong("timefusion.fuzz.seed", 20261204L);
    private static final int MESSAGES_WITHOUT_TRINO = Integer.getInteger("timefusion.fuzz.messages", 20_000);
    private static final int MESSAGES_WITH_TRINO = 400;
    private static final int LOGINS = 500;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    // held strongly: java.util.logging forgets loggers nobody references, and their handlers with them
    private static final Logger GATEWAY_LOG = Logger.getLogger("io.timefusion.gateway");

    private TestingGateway gateway;
    private Injector gatewayWithoutTrino;
    private final StringBuffer failuresLogged = new StringBuffer();
    private final Handler failureCapture = new Handler()
    {
        @Override
        public void publish(LogRecord record)
        {
            if (record.getThrown() != null && record.getLevel().intValue() >= Level.WARNING.intValue()) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                failuresLogged.append(record.getMessage()).append(": ").append(trace).append('\n');
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    void start()
            throws Exception
    {
        gateway = TestingGateway.start();
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = socket.getLocalPort();
        }
        gatewayWithoutTrino = GatewayMain.start(Map.of(
                "node.environment", "test",
                "http-server.http.port", "0",
                "node.bind-ip", "127.0.0.1",
                "pgwire.port", "0",
                "pgwire.bind-address", "127.0.0.1",
                "pgwire.password", TestingGateway.PASSWORD,
                "trino.url", "http://127.0.0.1:" + nobodyListens));
        // what the gateway logs about an internal error (its stack) belongs in the failure message
        GATEWAY_LOG.addHandler(failureCapture);
    }

    @AfterAll
    void stop()
    {
        GATEWAY_LOG.removeHandler(failureCapture);
        try {
            gatewayWithoutTrino.getInstance(LifeCycleManager.class).stop();
        }
        finally {
            gateway.close();
        }
    }

    @Test
    void fuzzedLoginsNeverGetAnInternalError()
            throws Exception
    {
        Answers answers = new Answers();
        FrontendFuzzer fuzzer = new FrontendFuzzer(SEED);
        int port = gatewayWithoutTrino.getInstance(PgServer.class).port();
        for (int i = 0; i < LOGINS; i++) {
            try (RawPgClient client = new RawPgClient(port)) {
                client.setReadTimeout(READ_TIMEOUT);
                client.send(startup(3, 0, Map.of("user", TestingGateway.USER, "database", "timefusion")));
                answers.check(client.read(), "login");
                client.send(fuzzer.nextBoolean(3) ? saslInitialResponse("SCRAM-SHA-256", "n,,n=,r=fuzzclientnonce".getBytes(StandardCharsets.UTF_8)) : fuzzer.saslMessage());
                // each challenge (SASLContinue) is answered, as a client must, until the server ends the login
                for (BackendMessage answer = answers.check(client.read(), "SASL"); answer.tag() == 'R'; answer = answers.check(client.read(), "SASL")) {
                    String challenge = new String(answer.body(), 4, answer.body().length - 4, StandardCharsets.UTF_8);
                    client.send(challenge.startsWith("r=")
                            ? fuzzer.saslFinalMessage(challenge.substring(2, challenge.indexOf(',')))
                            : tagged('p', "n,,n=,r=deferredclientnonce".getBytes(StandardCharsets.UTF_8)));
                }
                while (true) {
                    answers.check(client.read(), "after the SASL exchange");
                }
            }
            catch (IOException e) {
                // closed after a FATAL, as a failed login must be
            }
        }
        answers.assertNoInternalError(LOGINS + " logins");
        assertThat(answers.sqlStates).containsKeys("08P01", "28P01");
    }

    @Test
    void twentyThousandFuzzedSessionMessagesNeverGetAnInternalError()
            throws Exception
    {
        Answers answers = fuzzSessions(gatewayWithoutTrino.getInstance(PgServer.class).port(), new FrontendFuzzer(SEED), MESSAGES_WITHOUT_TRINO);
        assertThat(answers.sqlStates).as("the fuzzer reached the gateway's own checks").containsKeys("08P01", "42601", "26000", "34000", "08006");
    }

    @Test
    void fuzzedSessionsInFrontOfTrinoNeverGetAnInternalError()
            throws Exception
    {
        Answers answers = fuzzSessions(gateway.pgwirePort(), new FrontendFuzzer(SEED + 1), MESSAGES_WITH_TRINO);
        assertThat(answers.sqlStates).containsKeys("08P01", "42601", "26000");
        assertThat(answers.dataRows).as("rows Trino answered").isPositive();
        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 'still serving'")) {
            assertThat(rows.next()).isTrue();
        }
    }

    // regression tests: one for each internal error the fuzzing found

    @Test
    void aScramClientThatDefersItsFirstMessageIsAskedForIt()
            throws IOException
    {
        try (RawPgClient client = new RawPgClient(gateway.pgwirePort())) {
            List<BackendMessage> login = client.loginScram(TestingGateway.USER, TestingGateway.PASSWORD, true);
            assertThat(describe(login)).doesNotContain("E(").endsWith("Z");
            client.send(query("SELECT 1"));
            assertThat(tags(client.readUntil('Z'))).isEqualTo("TDCZ");
        }
    }

    @Test
    void malformedSaslMessagesAreProtocolViolationsAndUnofferedFeaturesUnsupported()
            throws IOException
    {
        assertLoginRefused(saslInitialResponse("PLAIN", "n,,n=,r=x".getBytes(StandardCharsets.UTF_8)), "08P01", "invalid SASL authentication mechanism");
        assertLoginRefused(tagged('p', new byte[] {1, 2, 3}), "08P01", "SASLInitialResponse");
        assertLoginRefused(saslInitialResponse("SCRAM-SHA-256", "hello".getBytes(StandardCharsets.UTF_8)), "08P01", "malformed SCRAM message");
        assertLoginRefused(saslInitialResponse("SCRAM-SHA-256", "n,a=admin,n=,r=x".getBytes(StandardCharsets.UTF_8)), "0A000", "authorization identity");
    }

    @Test
    void aNulByteInCopyDataIsAnInvalidByteSequence()
            throws IOException
    {
        try (RawPgClient client = new RawPgClient(gateway.pgwirePort())) {
            client.loginScram(TestingGateway.USER, TestingGateway.PASSWORD);
            client.send(query("COPY otel_logs_and_spans (id, project_id, timestamp) FROM STDIN"));
            assertThat(client.read().tag()).isEqualTo('G');
            client.send(tagged('d', "nul\0here\tfuzz\t2025-01-01 00:00:00+00\n".getBytes(StandardCharsets.UTF_8)), tagged('c', new byte[0]));
            List<BackendMessage> answer = client.readUntil('Z');
            assertThat(describe(answer)).startsWith("E(").endsWith("Z");
            assertThat(answer.getFirst().sqlState()).isEqualTo("22021");
            assertThat(answer.getFirst().text()).contains("invalid byte sequence for encoding \"UTF8\": 0x00").contains("COPY otel_logs_and_spans, line 1");
            client.send(query("SELECT 1"));
            assertThat(tags(client.readUntil('Z'))).isEqualTo("TDCZ");
        }
    }

    @Test
    void anEscapeStringEndingInABackslashIsASyntaxError()
            throws IOException
    {
        try (RawPgClient client = new RawPgClient(gateway.pgwirePort())) {
            client.loginScram(TestingGateway.USER, TestingGateway.PASSWORD);
            // the scan of the unterminated escape string ran past the end of the text (XX000)
            client.send(RawPgClient.parse("", "SELECT E'\\"), RawPgClient.bind("", ""), RawPgClient.execute("", 0), RawPgClient.sync());
            assertThat(errorOf(client.readUntil('Z')).sqlState()).isEqualTo("42601");
            client.send(query("SELECT 'a' || E'\\"));
            assertThat(errorOf(client.readUntil('Z')).sqlState()).isEqualTo("42601");
        }
    }

    @Test
    void aStatementOfNothingButCommentsAndSemicolonsIsAnEmptyQuery()
            throws IOException
    {
        try (RawPgClient client = new RawPgClient(gateway.pgwirePort())) {
            client.loginScram(TestingGateway.USER, TestingGateway.PASSWORD);
            // JSqlParser reads no statement in it, and the translator failed on that (XX000)
            for (String empty : List.of(";", "-- nothing", "/* nothing */ ;")) {
                client.send(RawPgClient.parse("", empty), RawPgClient.bind("", ""), RawPgClient.execute("", 0), RawPgClient.sync());
                assertThat(tags(client.readUntil('Z'))).as(empty).isEqualTo("12IZ");
            }
        }
    }

    private static BackendMessage errorOf(List<BackendMessage> messages)
    {
        return messages.stream().filter(message -> message.tag() == 'E').findFirst().orElseThrow(() -> new AssertionError("no error in " + describe(messages)));
    }

    private void assertLoginRefused(byte[] saslMessage, String sqlState, String reason)
            throws IOException
    {
        try (RawPgClient client = new RawPgClient(gateway.pgwirePort())) {
            client.send(startup(3, 0, Map.of("user", TestingGateway.USER)));
            assertThat(client.read().tag()).isEqualTo('R');
            client.send(saslMessage);
            BackendMessage error = client.read();
            assertThat(error.tag()).isEqualTo('E');
            assertThat(error.sqlState()).isEqualTo(sqlState);
            assertThat(error.text()).contains("FATAL").contains(reason);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    private Answers fuzzSessions(int port, FrontendFuzzer fuzzer, int messages)
            throws IOException
    {
        Answers answers = new Answers();
        int sent = 0;
        int batches = 0;
        RawPgClient client = null;
        try {
            while (sent < messages) {
                if (client == null) {
                    client = loggedIn(port);
                }
                List<byte[]> batch = batches++ % 25 == 24 ? copyBatch(fuzzer) : fuzzer.sessionBatch();
                sent += batch.size();
                try {
                    exchange(client, batch, fuzzer, answers);
                }
                catch (IOException e) {
                    // the server ended the connection (its FATAL was checked like any other error): start another
                    client.close();
                    client = null;
                }
            }
        }
        finally {
            if (client != null) {
                client.close();
            }
        }
        answers.assertNoInternalError("%d session messages in %d batches".formatted(sent, batches));
        return answers;
    }

    private static List<byte[]> copyBatch(FrontendFuzzer fuzzer)
    {
        if (fuzzer.nextBoolean(3)) {
            return List.of(RawPgClient.parse("", fuzzer.copyStatement()), RawPgClient.bind("", ""), RawPgClient.execute("", 0), RawPgClient.sync());
        }
        return List.of(query(fuzzer.copyStatement()));
    }

    /**
     * Sends a batch, then Sync, ROLLBACK (the batch may have left a failed transaction) and a Describe of a statement
     * named after a marker, which the gateway answers itself (26000, naming it), and reads up to that answer: every
     * message in between is checked. COPY is answered from the fuzzer when it starts.
     */
    private static void exchange(RawPgClient client, List<byte[]> batch, FrontendFuzzer fuzzer, Answers answers)
            throws IOException
    {
        client.send(batch.toArray(byte[][]::new));
        String marker = "fuzz-marker-" + System.nanoTime();
        client.send(RawPgClient.sync(), query("ROLLBACK"), describeStatement(marker), RawPgClient.sync());
        while (true) {
            BackendMessage message = answers.check(client.read(), "session");
            if (message.tag() == 'G') {
                client.send(fuzzer.copyMessages().toArray(byte[][]::new));
            }
            if (message.tag() == 'E' && message.text().contains(marker)) {
                client.readUntil('Z');
                return;
            }
        }
    }

    private static byte[] describeStatement(String name)
    {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[nameBytes.length + 2];
        body[0] = 'S';
        System.arraycopy(nameBytes, 0, body, 1, nameBytes.length);
        return tagged('D', body);
    }

    private static RawPgClient loggedIn(int port)
            throws IOException
    {
        RawPgClient client = new RawPgClient(port);
        client.setReadTimeout(READ_TIMEOUT);
        List<BackendMessage> login = client.loginScram(TestingGateway.USER, TestingGateway.PASSWORD);
        assertThat(describe(login)).endsWith("Z").doesNotContain("E(");
        return client;
    }

    /** The SQLSTATEs the gateway answered with, and every XX000 among them. */
    private final class Answers
    {
        private final Map<String, Integer> sqlStates = new TreeMap<>();
        private final List<String> internalErrors = new ArrayList<>();
        private int dataRows;

        BackendMessage check(BackendMessage message, String phase)
        {
            if (message.tag() == 'D') {
                dataRows++;
            }
            if (message.tag() == 'E') {
                String sqlState = message.sqlState();
                sqlStates.merge(sqlState, 1, Integer::sum);
                if ("XX000".equals(sqlState)) {
                    internalErrors.add(phase + ": " + message.text().replace('\0', ' ').strip());
                }
            }
            return message;
        }

        void assertNoInternalError(String what)
        {
            System.out.printf("fuzzing: %s; SQLSTATEs: %s%n", what, sqlStates);
            assertThat(internalErrors).as("answers with SQLSTATE XX000 to %s; the gateway logged:%n%s", what, failuresLogged).isEmpty();
        }
    }
}
