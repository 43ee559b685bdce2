package io.timefusion.integration.gateway;

import com.google.inject.Injector;
import io.airlift.bootstrap.LifeCycleManager;
import io.timefusion.gateway.GatewayMain;
import io.timefusion.gateway.server.ConnectionLimiter;
import io.timefusion.gateway.server.PgServer;
import io.timefusion.integration.gateway.FrontendFuzzer.Batch;
import io.timefusion.integration.gateway.FrontendFuzzer.Opening;
import io.timefusion.integration.gateway.RawPgClient.BackendMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.timefusion.integration.gateway.RawPgClient.describe;
import static io.timefusion.integration.gateway.RawPgClient.query;
import static io.timefusion.integration.gateway.RawPgClient.saslInitialResponse;
import static io.timefusion.integration.gateway.RawPgClient.startup;
import static io.timefusion.integration.gateway.RawPgClient.sync;
import static io.timefusion.integration.gateway.RawPgClient.tagged;
import static io.timefusion.integration.gateway.RawPgClient.tags;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzed frontend messages ({@link FrontendFuzzer}) over raw sockets, in the login (SCRAM), before it and in sessions:
 * whatever clients send, and however many send it at once, the gateway answers with the SQLSTATE Postgres would use,
 * never XX000 (internal_error: a bug of ours), logs no failure, keeps its heap and serves everyone else as before. Each
 * XX000 the fuzzing found has a regression test of its own below.
 *
 * <p>The main run sends 100,000 messages from {@value #CLIENTS_WITHOUT_TRINO} + {@value #CLIENTS_WITH_TRINO} clients at
 * once, each with a fuzzer of its own seed. Most go to a second gateway whose Trino cannot be reached: every statement
 * that gets past the gateway's own checks then fails at once (08006) instead of costing a Trino round trip, so the
 * run takes under a minute, not an hour. One in {@value #ONE_IN_WITH_TRINO} goes to the gateway in front of the real Trino,
 * for the paths after Trino answers (results, COPY into the table). Both gateways have small input limits, so that a
 * body of a few megabytes is over them. Meanwhile a bystander session on each gateway repeats the same statements.
 * The tests of the run share it: the first to ask runs it. {@code -Dtimefusion.fuzz.seed} and
 * {@code -Dtimefusion.fuzz.messages} change the seed and the count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestProtocolFuzzing
{
    private static final long SEED = Long.getLong("timefusion.fuzz.seed", 20261204L);
    private static final int MESSAGES = Integer.getInteger("timefusion.fuzz.messages", 100_000);
    private static final int CLIENTS_WITHOUT_TRINO = 6;
    private static final int CLIENTS_WITH_TRINO = 2;
    private static final int ONE_IN_WITH_TRINO = 10;
    private static final int LOGINS = 500;
    private static final Map<String, String> INPUT_LIMITS = Map.of(
            "pgwire.max-message-size", "16MB",
            "pgwire.max-statement-size", "256kB",
            "pgwire.max-bind-size", "256kB");
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BYSTANDER_INTERVAL = Duration.ofSeconds(2);
    /*
     * Measured after a full GC once every fuzzing connection is closed, with Trino and both gateways in this JVM. What
     * may legitimately stay is bounded and small: Trino's query history, the query cache (50 MB at most), the translator
     * cache. A leak of a statement, portal or buffer for every message, 2.6 kB each, would pass 256 MB.
     */
    private static final long HEAP_GROWTH_BOUND = 256L << 20;
    private static final Duration SESSIONS_END_TIMEOUT = Duration.ofSeconds(10);
    // held strongly: java.util.logging forgets loggers nobody references, and their handlers with them
    private static final List<Logger> GATEWAY_LOGS = List.of(Logger.getLogger("io.timefusion.gateway"), Logger.getLogger("io.netty"));

    private TestingGateway gateway;
    private Injector gatewayWithoutTrino;
    private final LogCapture log = new LogCapture();
    private final FutureTask<FuzzRun> concurrentRun = new FutureTask<>(this::fuzzConcurrently);

    @BeforeAll
    void start()
            throws Exception
    {
        gateway = TestingGateway.start(INPUT_LIMITS);
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = socket.getLocalPort();
        }
        Map<String, String> properties = new HashMap<>(INPUT_LIMITS);
        properties.putAll(Map.of(
                "node.environment", "test",
                "http-server.http.port", "0",
                "node.bind-ip", "127.0.0.1",
                "pgwire.port", "0",
                "pgwire.bind-address", "127.0.0.1",
                "pgwire.password", TestingGateway.PASSWORD,
                "trino.url", "http://127.0.0.1:" + nobodyListens));
        gatewayWithoutTrino = GatewayMain.start(properties);
        GATEWAY_LOGS.forEach(logger -> logger.addHandler(log));
    }

    @AfterAll
    void stop()
    {
        GATEWAY_LOGS.forEach(logger -> logger.removeHandler(log));
        try {
            gatewayWithoutTrino.getInstance(LifeCycleManager.class).stop();
        }
        finally {
            gateway.close();
        }
    }

    @Test
    void aHundredThousandFuzzedMessagesFromConcurrentClientsNeverGetAnInternalError()
            throws Exception
    {
        FuzzRun run = fuzzRun();
        assertThat(run.answers().messages).isGreaterThanOrEqualTo(MESSAGES);
        assertNoInternalError(run.answers());
        assertThat(run.answers().sqlStates).as("the fuzzing reached the gateway's own checks").containsKeys("08P01", "42601", "26000", "34000", "54000", "08006");
        assertThat(run.answers().dataRows).as("rows Trino answered").isPositive();
    }

    @Test
    void theGatewaysLogNoFailureWhileFuzzed()
            throws Exception
    {
        // also catches an internal error whose answer the client did not read: it had hung up, and the server closed
        assertThat(fuzzRun().failuresLogged()).as("records at SEVERE, or at WARNING with a stack trace; the first ones:%n%s", log.kept()).isZero();
    }

    @Test
    void theHeapStaysBoundedUnderTheFuzzing()
            throws Exception
    {
        FuzzRun run = fuzzRun();
        assertThat(run.heapAfter() - run.heapBefore()).as("growth of the used heap from %,d bytes", run.heapBefore()).isLessThan(HEAP_GROWTH_BOUND);
    }

    @Test
    void noFuzzedSessionOrLoginOutlivesItsConnection()
            throws Exception
    {
        assertThat(fuzzRun().connectionsLeft()).as("sessions and logins in progress once the clients closed theirs")
                .isEqualTo(Map.of("with Trino", Connections.BYSTANDER_ONLY, "without Trino", Connections.BYSTANDER_ONLY));
    }

    @Test
    void aBystanderSessionOnEachGatewayGetsTheSameAnswersThroughoutTheFuzzing()
            throws Exception
    {
        FuzzRun run = fuzzRun();
        assertThat(run.bystanderFailures()).isEmpty();
        assertThat(run.bystanderRounds()).as("rounds of both bystanders while the clients ran, and after").isGreaterThanOrEqualTo(4);
    }

    @Test
    void bothGatewaysServeNewSessionsAfterTheFuzzing()
            throws Exception
    {
        fuzzRun();
        try (RawPgClient client = loggedIn(gateway.pgwirePort())) {
            client.send(query("SELECT 'still serving'"));
            assertThat(tags(client.readUntil('Z'))).isEqualTo("TDCZ");
        }
        try (RawPgClient client = loggedIn(portWithoutTrino())) {
            client.send(describeStatement("missing"), sync());
            assertThat(client.readUntil('Z').getFirst().sqlState()).isEqualTo("26000");
        }
    }

    @Test
    void fuzzedLoginsNeverGetAnInternalError()
            throws Exception
    {
        Answers answers = new Answers("%d logins".formatted(LOGINS));
        FrontendFuzzer fuzzer = new FrontendFuzzer(SEED);
        for (int i = 0; i < LOGINS; i++) {
            try (RawPgClient client = new RawPgClient(portWithoutTrino())) {
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
        assertNoInternalError(answers);
        assertThat(answers.sqlStates).containsKeys("08P01", "28P01");
    }

    /** The concurrent run, started by the first test that asks for it; the others get its outcome, or its failure. */
    private FuzzRun fuzzRun()
            throws Exception
    {
        concurrentRun.run();
        return concurrentRun.get();
    }

    /**
     * The run the tests above share: each client on a thread and connections of its own, both bystanders checked every
     * few seconds and once at the end, the heap measured before and after.
     */
    private FuzzRun fuzzConcurrently()
            throws Exception
    {
        int clients = CLIENTS_WITHOUT_TRINO + CLIENTS_WITH_TRINO;
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try (Bystander bystanderWithTrino = new Bystander("with", gateway.pgwirePort());
                Bystander bystanderWithoutTrino = new Bystander("without", portWithoutTrino())) {
            List<Bystander> bystanders = List.of(bystanderWithTrino, bystanderWithoutTrino);
            long heapBefore = usedHeapAfterGc();
            int failuresBefore = log.failures();
            long start = System.nanoTime();
            schedule.scheduleWithFixedDelay(() -> bystanders.forEach(Bystander::check), 0, BYSTANDER_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            List<FrontendFuzzer> fuzzers = new ArrayList<>();
            Answers answers = new Answers("%d clients at once".formatted(clients));
            for (Future<Answers> client : startClients(threads, fuzzers)) {
                answers.add(client.get());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            schedule.shutdown();
            assertThat(schedule.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            bystanders.forEach(Bystander::check);
            Map<String, Connections> connectionsLeft = connectionsLeftOnceClosed();
            long heapAfter = usedHeapAfterGc();

            List<String> bystanderFailures = bystanders.stream().flatMap(bystander -> bystander.failures().stream()).toList();
            int bystanderRounds = bystanders.stream().mapToInt(Bystander::rounds).sum();
            System.out.println("fuzzing: %,d messages from %d clients in %s, heap %,d -> %,d bytes, %d rounds of %s; generated: %s"
                    .formatted(answers.messages, clients, elapsed, heapBefore, heapAfter, bystanderRounds, bystanders, generated(fuzzers)));
            return new FuzzRun(answers, heapBefore, heapAfter, log.failures() - failuresBefore, bystanderFailures, bystanderRounds, connectionsLeft);
        }
        finally {
            schedule.shutdownNow();
            threads.shutdownNow();
        }
    }

    /** Starts the clients, each with a fuzzer of its own seed (added to fuzzers): the last ones in front of the real Trino. */
    private List<Future<Answers>> startClients(ExecutorService threads, List<FrontendFuzzer> fuzzers)
    {
        int withTrino = MESSAGES / ONE_IN_WITH_TRINO / CLIENTS_WITH_TRINO;
        int withoutTrino = (MESSAGES - withTrino * CLIENTS_WITH_TRINO + CLIENTS_WITHOUT_TRINO - 1) / CLIENTS_WITHOUT_TRINO;
        List<Future<Answers>> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS_WITHOUT_TRINO + CLIENTS_WITH_TRINO; client++) {
            boolean toTrino = client >= CLIENTS_WITHOUT_TRINO;
            FrontendFuzzer fuzzer = new FrontendFuzzer(SEED + client);
            String name = "client %d (seed %d) %s Trino".formatted(client, SEED + client, toTrino ? "with" : "without");
            int port = toTrino ? gateway.pgwirePort() : portWithoutTrino();
            int messages = toTrino ? withTrino : withoutTrino;
            fuzzers.add(fuzzer);
            clients.add(threads.submit(() -> fuzzClient(port, fuzzer, messages, name)));
        }
        return clients;
    }

    /** How many messages of each type and damage the fuzzers generated together. */
    private static Map<String, Integer> generated(List<FrontendFuzzer> fuzzers)
    {
        Map<String, Integer> generated = new TreeMap<>();
        fuzzers.forEach(fuzzer -> fuzzer.generated().forEach((kind, count) -> generated.merge(kind, count, Integer::sum)));
        return generated;
    }

    /** One client: its fuzzer's rounds, over as many connections as they end, until it has sent its share of the messages. */
    private static Answers fuzzClient(int port, FrontendFuzzer fuzzer, int messages, String client)
            throws IOException
    {
        Answers answers = new Answers(client);
        RawPgClient session = null;
        try {
            while (answers.messages < messages) {
                switch (fuzzer.nextRound()) {
                    case Opening opening -> open(port, opening, answers);
                    case Batch batch -> {
                        if (session == null) {
                            session = loggedIn(port);
                        }
                        if (!exchange(session, batch, answers)) {
                            session.close();
                            session = null;
                        }
                    }
                }
            }
        }
        finally {
            if (session != null) {
                session.close();
            }
        }
        return answers;
    }

    /**
     * Sends a batch and checks every answer to it; false when the connection ended. A batch the server can still frame
     * is followed by Sync, ROLLBACK (it may have left a failed transaction), Sync again and a Describe of a statement
     * named after a marker, which the gateway answers itself (26000, naming it): the answers up to that one are the
     * batch's. The second Sync is for a COPY started by Execute: it ignores the first, and the ROLLBACK arriving in it
     * fails it, after which everything up to a Sync is skipped. COPY is answered with the batch's COPY messages when it
     * starts. After a batch that ends the connection the client hangs up, and the answers are all that comes before the
     * server closes.
     */
    private static boolean exchange(RawPgClient client, Batch batch, Answers answers)
    {
        StringBuilder received = new StringBuilder();
        try {
            answers.sending(batch.messages());
            client.send(batch.messages().toArray(byte[][]::new));
            if (batch.endsConnection()) {
                client.shutdownOutput();
                readUntilClosed(client, answers, "session");
                return false;
            }
            String marker = "fuzz-marker-" + answers.messages;
            client.send(sync(), query("ROLLBACK"), sync(), describeStatement(marker), sync());
            while (true) {
                BackendMessage message = answers.check(client.read(), "session");
                received.append(message.tag());
                if (message.tag() == 'G') {
                    answers.sending(batch.copyMessages());
                    client.send(batch.copyMessages().toArray(byte[][]::new));
                }
                if (message.tag() == 'E' && message.text().contains(marker)) {
                    client.readUntil('Z');
                    return true;
                }
            }
        }
        catch (SocketTimeoutException e) {
            throw new AssertionError("%s: no answer within %s to %s (COPY answered with %s); received %s"
                    .formatted(answers.client, READ_TIMEOUT, describeSent(batch.messages()), describeSent(batch.copyMessages()), received), e);
        }
        catch (IOException e) {
            // the server ended the connection (its FATAL was checked like any other error)
            return false;
        }
    }

    /** The messages as they were sent, bytes outside printable ASCII escaped; long ones by tag and length. */
    private static String describeSent(List<byte[]> messages)
    {
        StringBuilder description = new StringBuilder();
        for (byte[] message : messages) {
            if (message.length > 1000) {
                description.append("[%c and %,d bytes]".formatted((char) message[0], message.length - 1));
                continue;
            }
            description.append('[');
            for (byte b : message) {
                description.append(b >= 0x20 && b < 0x7F && b != '\\' ? String.valueOf((char) b) : "\\x%02x".formatted(b & 0xFF));
            }
            description.append(']');
        }
        return description.toString();
    }

    /** A fresh connection that sends the opening's packets, reading the one-byte answer to each encryption request, then hangs up. */
    private static void open(int port, Opening opening, Answers answers)
    {
        answers.sending(opening.packets());
        try (RawPgClient client = new RawPgClient(port)) {
            client.setReadTimeout(READ_TIMEOUT);
            for (byte[] packet : opening.packets()) {
                client.send(packet);
                if (FrontendFuzzer.isEncryptionRequest(packet)) {
                    int answer = client.readByte();
                    if (answer != 'N') {
                        // refused: this was the tag of a FATAL ErrorResponse (or the end of the stream)
                        if (answer >= 0) {
                            answers.check(client.readAfterTag((char) answer), "startup");
                        }
                        return;
                    }
                }
            }
            client.shutdownOutput();
            readUntilClosed(client, answers, "startup");
        }
        catch (SocketTimeoutException e) {
            throw new AssertionError("%s: no answer within %s".formatted(answers.client, READ_TIMEOUT), e);
        }
        catch (IOException e) {
            // the server closed the connection before the client was done
        }
    }

    private static void readUntilClosed(RawPgClient client, Answers answers, String phase)
            throws IOException
    {
        try {
            while (true) {
                answers.check(client.read(), phase);
            }
        }
        catch (EOFException | SocketException e) {
            // closed (or reset, when the server closed with bytes of ours unread)
        }
    }

    /** Sessions and logins in progress on each gateway once it noticed that the clients closed: the bystanders' alone, unless one leaked. */
    private Map<String, Connections> connectionsLeftOnceClosed()
            throws InterruptedException
    {
        Map<String, ConnectionLimiter> limiters = Map.of(
                "with Trino", gateway.instance(ConnectionLimiter.class),
                "without Trino", gatewayWithoutTrino.getInstance(ConnectionLimiter.class));
        long deadline = System.nanoTime() + SESSIONS_END_TIMEOUT.toNanos();
        while (true) {
            Map<String, Connections> left = new TreeMap<>();
            limiters.forEach((name, limiter) -> left.put(name, new Connections(limiter.open(), limiter.loginsInProgress())));
            if (left.values().stream().allMatch(Connections.BYSTANDER_ONLY::equals) || System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(100);
        }
    }

    private static long usedHeapAfterGc()
    {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private int portWithoutTrino()
    {
        return gatewayWithoutTrino.getInstance(PgServer.class).port();
    }

    @Test
    void aLengthOfAGibibyteIsRefusedAtItsHeaderWhateverTheMessageType()
            throws IOException
    {
        // every tag of protocol 3.0 after the startup, and one that is none of them
        for (char tag : "QPBDECSHXdcfFp\u0001".toCharArray()) {
            try (RawPgClient client = loggedIn(portWithoutTrino())) {
                // the header alone: an answer shows the gateway did not wait for the gibibyte, let alone allocate it
                client.send(ByteBuffer.allocate(5).put((byte) tag).putInt(1 << 30).array());
                BackendMessage answer = client.read();
                assertThat(answer.sqlState()).as("type %s: %s", tag, answer.text()).isEqualTo("08P01");
                assertThat(client.closedByServer()).isTrue();
            }
        }
    }

    @Test
    void aStatementOrBindOfMegabytesIsRefusedWith54000AndTheSessionGoesOn()
            throws IOException
    {
        String statement = "SELECT '" + "x".repeat(2 << 20) + "'";
        try (RawPgClient client = loggedIn(portWithoutTrino())) {
            client.send(query(statement));
            assertThat(errorOf(client.readUntil('Z')).sqlState()).isEqualTo("54000");
            client.send(RawPgClient.parse("", statement), sync());
            assertThat(errorOf(client.readUntil('Z')).sqlState()).isEqualTo("54000");
            client.send(RawPgClient.bindOfValueLength(2 << 20), sync());
            assertThat(errorOf(client.readUntil('Z')).sqlState()).isEqualTo("54000");
            client.send(describeStatement("missing"), sync());
            assertThat(errorOf(client.readUntil('Z')).sqlState()).isEqualTo("26000");
        }
    }

    @Test
    void aFunctionCallIsRefusedAsUnsupportedAndTheSessionGoesOn()
            throws IOException
    {
        try (RawPgClient client = loggedIn(portWithoutTrino())) {
            // the fast-path interface (libpq's PQfn, its large objects): function OID, no arguments, text result
            client.send(tagged('F', ByteBuffer.allocate(10).putInt(1).putShort((short) 0).putShort((short) 0).putShort((short) 0).array()));
            List<BackendMessage> answer = client.readUntil('Z');
            assertThat(tags(answer)).isEqualTo("EZ");
            assertThat(answer.getFirst().sqlState()).as(answer.getFirst().text()).isEqualTo("0A000");
            client.send(query("BEGIN"));
            assertThat(tags(client.readUntil('Z'))).isEqualTo("CZ");
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

    @Test
    void aPlaceholderNumberedZeroIsAnUndefinedParameter()
            throws IOException
    {
        try (RawPgClient client = loggedIn(gateway.pgwirePort())) {
            // parameters count from $1: the bind looked up the value at index -1 (XX000)
            client.send(RawPgClient.parse("", "SELECT $0"), RawPgClient.bind("", ""), RawPgClient.execute("", 0), sync());
            assertThat(errorOf(client.readUntil('Z')).sqlState()).isEqualTo("42P02");
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

    private void assertNoInternalError(Answers answers)
    {
        System.out.println("fuzzing: %s; SQLSTATEs: %s".formatted(answers.client, answers.sqlStates));
        assertThat(answers.internalErrors).as("answers with SQLSTATE XX000 to %s; the gateway logged:%n%s", answers.client, log.kept()).isEmpty();
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

    /** The outcome of the concurrent run; failuresLogged counts what {@link LogCapture} counted while it ran. */
    private record FuzzRun(Answers answers, long heapBefore, long heapAfter, int failuresLogged, List<String> bystanderFailures, int bystanderRounds,
            Map<String, Connections> connectionsLeft) {}

    private record Connections(int sessions, int loginsInProgress)
    {
        static final Connections BYSTANDER_ONLY = new Connections(1, 0);
    }

    /** What clients were answered: the SQLSTATEs, every XX000 among them, the rows; and how many messages they sent. */
    private static final class Answers
    {
        private final String client;
        private final Map<String, Integer> sqlStates = new TreeMap<>();
        private final List<String> internalErrors = new ArrayList<>();
        private int dataRows;
        private int messages;
        private List<byte[]> lastSent = List.of();

        Answers(String client)
        {
            this.client = client;
        }

        /** Counts messages about to be sent; an internal error is reported with the last of them, to replay it. */
        void sending(List<byte[]> sent)
        {
            messages += sent.size();
            lastSent = sent;
        }

        BackendMessage check(BackendMessage message, String phase)
        {
            if (message.tag() == 'D') {
                dataRows++;
            }
            if (message.tag() == 'E') {
                String sqlState = message.sqlState();
                sqlStates.merge(sqlState, 1, Integer::sum);
                if ("XX000".equals(sqlState)) {
                    internalErrors.add("%s, %s: %s after %s".formatted(client, phase, message.text().replace('\0', ' ').strip(), describeSent(lastSent)));
                }
            }
            return message;
        }

        void add(Answers other)
        {
            other.sqlStates.forEach((sqlState, count) -> sqlStates.merge(sqlState, count, Integer::sum));
            internalErrors.addAll(other.internalErrors);
            dataRows += other.dataRows;
            messages += other.messages;
        }
    }

    /**
     * A well-behaved session opened before the fuzzing. From its own thread every few seconds, and once at the end, it
     * runs the same statements (a query, SHOW, a prepared statement with a parameter, a count of a catalog table) and
     * must get the answers it got first, on a connection that never breaks.
     */
    private static final class Bystander
            implements AutoCloseable
    {
        private final String gateway;
        private final RawPgClient client;
        private final String firstAnswers;
        private final List<String> failures = new ArrayList<>();
        private int rounds;

        Bystander(String gateway, int port)
                throws IOException
        {
            this.gateway = gateway;
            this.client = loggedIn(port);
            client.send(RawPgClient.parse("doubled", "SELECT $1::int4 * 2"), sync());
            client.readUntil('Z');
            this.firstAnswers = answers();
        }

        synchronized void check()
        {
            rounds++;
            try {
                String answers = answers();
                if (!answers.equals(firstAnswers)) {
                    failures.add("%s Trino, round %d: %s instead of %s".formatted(gateway, rounds, answers, firstAnswers));
                }
            }
            catch (IOException | RuntimeException e) {
                // a scheduled task that throws is never run again
                failures.add("%s Trino, round %d: %s".formatted(gateway, rounds, e));
            }
        }

        @Override
        public String toString()
        {
            return "the bystander %s Trino, answered %s".formatted(gateway, firstAnswers);
        }

        synchronized List<String> failures()
        {
            return List.copyOf(failures);
        }

        synchronized int rounds()
        {
            return rounds;
        }

        /** The answers to the statements: values, command tags and SQLSTATEs. */
        private String answers()
                throws IOException
        {
            client.send(query("SELECT 1"), query("SHOW timezone"), RawPgClient.bind("", "doubled", "21"), RawPgClient.execute("", 0), sync(),
                    query("SELECT count(*) FROM pg_catalog.pg_type"));
            StringBuilder answers = new StringBuilder();
            for (int statement = 0; statement < 4; statement++) {
                client.readUntil('Z').forEach(message -> answers.append(summary(message)));
            }
            return answers.toString();
        }

        private static String summary(BackendMessage message)
        {
            return switch (message.tag()) {
                case 'D' -> "D" + values(message.body());
                case 'C' -> "C(" + message.text().replace("\0", "") + ")";
                case 'E' -> "E(" + message.sqlState() + ")";
                default -> String.valueOf(message.tag());
            };
        }

        private static List<String> values(byte[] dataRow)
        {
            ByteBuffer row = ByteBuffer.wrap(dataRow);
            List<String> values = new ArrayList<>();
            for (int columns = row.getShort(); columns > 0; columns--) {
                int length = row.getInt();
                byte[] value = new byte[Math.max(length, 0)];
                row.get(value);
                values.add(length < 0 ? "NULL" : new String(value, StandardCharsets.UTF_8));
            }
            return values;
        }

        @Override
        public void close()
                throws IOException
        {
            client.close();
        }
    }

    /**
     * Counts the failures the gateway (and Netty under it) logs: records at SEVERE, and at WARNING with a stack trace, as
     * the gateway logs an exception it did not expect. Keeps the first few, to explain a test's failure.
     */
    private static final class LogCapture
            extends Handler
    {
        private static final int KEPT = 20;

        private final AtomicInteger failures = new AtomicInteger();
        private final List<String> kept = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record)
        {
            int level = record.getLevel().intValue();
            if (level < Level.SEVERE.intValue() && (level < Level.WARNING.intValue() || record.getThrown() == null)) {
                return;
            }
            failures.incrementAndGet();
            if (kept.size() < KEPT) {
                StringWriter text = new StringWriter();
                text.append(record.getLevel().getName()).append(' ').append(record.getLoggerName()).append(": ").append(record.getMessage()).append('\n');
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(text));
                }
                kept.add(text.toString());
            }
        }

        int failures()
        {
            return failures.get();
        }

        String kept()
        {
            return String.join("\n", kept);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
