package io.timefusion.integration.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Frontend messages as a careless or hostile client writes them, seeded so that a failure replays. Every message of
 * protocol 3.0 (the startup packets, each tagged message, FunctionCall, which the gateway does not support, and type
 * bytes that are none of them) comes in each {@link Damage}: valid, though with contents wrong in every way the grammar
 * allows (odd SQL, placeholders past the parameters, unknown type OIDs, wrong format and value counts, NUL bytes and
 * invalid UTF-8 in text and COPY data), mutated, truncated or oversized. Each combination is sent once, in a seeded
 * order, before the random rounds, so that even a short run covers them all.
 */
final class FrontendFuzzer
{
    /** What was done to a well-formed message. */
    enum Damage
    {
        VALID,
        /** a few bytes of the body replaced (or, where a message has no body, one added) */
        MUTATED,
        /** the length field claims more or fewer bytes than the body has, or a length below the header's own */
        TRUNCATED,
        /** the length field claims far more than the gateway accepts (1 MB to 2 GiB), and only the header and a few bytes follow */
        OVERSIZED_LENGTH,
        /** a body of megabytes, as long as its length field says */
        OVERSIZED_BODY;

        /** Whether the server can no longer tell where the next message starts. */
        boolean breaksFraming()
        {
            return this == TRUNCATED || this == OVERSIZED_LENGTH;
        }
    }

    /** The tagged messages a client may send after its StartupMessage, and a type byte that is none of them. */
    enum SessionMessage
    {
        QUERY('Q', 12), PARSE('P', 12), BIND('B', 12), DESCRIBE_STATEMENT('D', 4), DESCRIBE_PORTAL('D', 4), EXECUTE('E', 10),
        CLOSE_STATEMENT('C', 3), CLOSE_PORTAL('C', 3), SYNC('S', 6), FLUSH('H', 3), TERMINATE('X', 1), COPY_DATA('d', 3),
        COPY_DONE('c', 2), COPY_FAIL('f', 2), FUNCTION_CALL('F', 1), PASSWORD('p', 1), SASL_RESPONSE('p', 1), UNKNOWN_TYPE('?', 1);

        private final char tag;
        private final int weight;

        SessionMessage(char tag, int weight)
        {
            this.tag = tag;
            this.weight = weight;
        }
    }

    /** The untagged packets a connection starts with. */
    enum StartupPacket
    {
        STARTUP_MESSAGE, SSL_REQUEST, GSSENC_REQUEST, CANCEL_REQUEST
    }

    sealed interface Round
            permits Batch, Opening {}

    /**
     * Session messages sent at once. A message that breaks the framing, or Terminate, is the last of its batch and of its
     * connection: the client then stops sending ({@code endsConnection}). {@code copyMessages} answer a CopyInResponse.
     */
    record Batch(List<byte[]> messages, List<byte[]> copyMessages, boolean endsConnection)
            implements Round {}

    /** The packets of a fresh connection in place of a login: encryption requests, a startup packet, tagged messages after it. */
    record Opening(List<byte[]> packets)
            implements Round {}

    private static final String[] STATEMENTS = {
            "SELECT 1",
            "SELECT $1",
            "SELECT $1::int4 + $2::int8",
            "SELECT $3",
            "SELECT $0",
            "SELECT $99999999999",
            "SELECT $1::text[]",
            "SELECT $1::jsonb -> 'a'",
            "SELECT $1::timestamptz",
            "SELECT * FROM otel_logs_and_spans WHERE project_id = $1 LIMIT 1",
            "SELECT count(*) FROM otel_logs_and_spans WHERE timestamp > $1",
            "INSERT INTO otel_logs_and_spans (id, project_id, timestamp) VALUES ($1, $2, $3)",
            "INSERT INTO otel_logs_and_spans (id, project_id, timestamp) VALUES ('f', 'fuzz', '2025-01-01 00:00:00+00')",
            "INSERT INTO otel_logs_and_spans (id, project_id, timestamp) SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])",
            "INSERT INTO otel_logs_and_spans VALUES ($1)",
            "INSERT INTO otel_logs_and_spans (nope) VALUES ($1)",
            "BEGIN", "COMMIT", "ROLLBACK", "SET statement_timeout = '1s'", "SET search_path = public", "RESET ALL", "SHOW ALL",
            "SHOW server_version", "SELECT current_setting('TimeZone')", "SELECT version()",
            "SELECT oid, typname FROM pg_catalog.pg_type WHERE oid = $1",
            "SELECT relname FROM pg_class WHERE relname = $1",
            "CALL timefusion.system.unregister_project($1)",
            "DISCARD ALL", "DEALLOCATE ALL", "PREPARE p AS SELECT 1", "EXECUTE p", "LISTEN x", "VACUUM",
            "", " ", ";", ";;", "--", "/*", "/* unterminated", "'", "\"", "E'\\", "$$", "SELEC", "SELECT", "SELECT (", "((((((",
            "SELECT 1; SELECT 2", "SELECT 'a' || $1 FROM generate_series(1, 3)",
            "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t",
            "SELECT interval $1", "SELECT $1::interval", "SELECT to_char(now(), $1)", "SELECT extract(epoch FROM $1::timestamptz)",
    };
    // COPY is fuzzed on its own (copyBatch): the client must answer CopyInResponse before anything else
    private static final String[] COPY_STATEMENTS = {
            "COPY otel_logs_and_spans (id, project_id, timestamp) FROM STDIN",
            "COPY otel_logs_and_spans (id, project_id, timestamp) FROM STDIN WITH (FORMAT csv)",
            "COPY otel_logs_and_spans (id, project_id, timestamp, name) FROM STDIN WITH (FORMAT csv, HEADER)",
            "COPY otel_logs_and_spans FROM STDIN WITH (FORMAT binary)",
            "COPY otel_logs_and_spans (nope) FROM STDIN",
            "COPY elsewhere FROM STDIN",
    };
    private static final int[] TYPE_OIDS = {0, 16, 17, 20, 21, 23, 25, 114, 700, 701, 1043, 1082, 1083, 1114, 1184, 1186, 1700, 2950, 3802, 1009, 1015, 705, 2249, 4242, -1, Integer.MAX_VALUE};
    private static final String[] PARAMETER_TEXTS = {
            "1", "-1", "0", "99999999999999999999999", "1.5", "NaN", "Infinity", "", "abc", "t", "{}", "{a,b}", "{\"a\":1}", "[1,2]",
            "2025-01-01 00:00:00+00", "infinity", "-infinity", "2025-13-45", "1 day", "P1D", "\\x00ff", "00000000-0000-0000-0000-000000000000",
            "fuzz", "{1,2,NULL}", "{{1},{2}}", "'", "\\", "ü😀",
    };
    private static final String[] STARTUP_PARAMETERS = {
            "user", "database", "application_name", "options", "replication", "client_encoding", "DateStyle", "TimeZone",
            "search_path", "_pq_.protocol_managed_params", "_pq_.unknown", "", "ü", "nonsense",
    };
    private static final String[] STARTUP_VALUES = {
            "postgres", TestingGateway.USER, "timefusion", "", "nobody", "-c search_path=x", "--nonsense", "true", "database",
            "LATIN1", "SQL_ASCII", "ISO, DMY", "Mars/Olympus", "ü😀", "x".repeat(2000),
    };
    // protocol 3.0 and 3.2, then versions the server speaks none of
    private static final int[] PROTOCOL_VERSIONS = {3 << 16, 3 << 16, 3 << 16, (3 << 16) | 2, (3 << 16) | 9999, 2 << 16, 4 << 16, 1234 << 16 | 5678, 0};
    private static final int SSL_REQUEST_CODE = 80877103;
    private static final int GSSENC_REQUEST_CODE = 80877104;
    private static final int CANCEL_REQUEST_CODE = 80877102;
    private static final String KNOWN_TAGS = "QPBDECSHXdcfFp";
    private static final int MEGABYTE = 1 << 20;
    private static final int TOTAL_WEIGHT = Arrays.stream(SessionMessage.values()).mapToInt(type -> type.weight).sum();

    private final Random random;
    // generated when reached: the megabyte bodies among them should not all be on the heap at once
    private final Deque<Supplier<Round>> tour = new ArrayDeque<>();
    private final Map<String, Integer> generated = new TreeMap<>();

    FrontendFuzzer(long seed)
    {
        this.random = new Random(seed);
        List<Supplier<Round>> stops = new ArrayList<>();
        for (Damage damage : Damage.values()) {
            for (SessionMessage type : SessionMessage.values()) {
                stops.add(() -> new Batch(List.of(sessionMessage(type, damage)), List.of(copyDone()), endsConnection(type, damage)));
            }
            for (StartupPacket type : StartupPacket.values()) {
                stops.add(() -> new Opening(List.of(startupPacket(type, damage))));
            }
        }
        Collections.shuffle(stops, random);
        tour.addAll(stops);
    }

    /** The next round: first each message type in each damage once, then mostly session batches, some COPY and some fresh connections. */
    Round nextRound()
    {
        if (!tour.isEmpty()) {
            return tour.poll().get();
        }
        return switch (random.nextInt(25)) {
            case 0 -> copyBatch();
            case 1 -> opening();
            default -> sessionBatch();
        };
    }

    /** How many messages of each type and damage were generated, as "type damage". */
    Map<String, Integer> generated()
    {
        return generated;
    }

    static boolean isEncryptionRequest(byte[] packet)
    {
        return Arrays.equals(packet, request(SSL_REQUEST_CODE)) || Arrays.equals(packet, request(GSSENC_REQUEST_CODE));
    }

    boolean nextBoolean(int oneIn)
    {
        return random.nextInt(oneIn) == 0;
    }

    /** One to a dozen session messages, up to the first that ends the connection. */
    private Batch sessionBatch()
    {
        List<byte[]> messages = new ArrayList<>();
        int count = 1 + random.nextInt(12);
        boolean endsConnection = false;
        while (messages.size() < count && !endsConnection) {
            SessionMessage type = sessionMessageType();
            Damage damage = damage();
            messages.add(sessionMessage(type, damage));
            endsConnection = endsConnection(type, damage);
        }
        // a CopyInResponse nobody asked for is ended at once
        return new Batch(messages, List.of(copyDone()), endsConnection);
    }

    private static boolean endsConnection(SessionMessage type, Damage damage)
    {
        return damage.breaksFraming() || type == SessionMessage.TERMINATE;
    }

    private Batch copyBatch()
    {
        String statement = COPY_STATEMENTS[random.nextInt(COPY_STATEMENTS.length)];
        List<byte[]> messages = nextBoolean(3)
                ? List.of(RawPgClient.parse("", statement), RawPgClient.bind("", ""), RawPgClient.execute("", 0), RawPgClient.sync())
                : List.of(RawPgClient.query(statement));
        messages.forEach(_ -> count("COPY statement", Damage.VALID));
        return new Batch(messages, copyMessages(), false);
    }

    /** What a client sends once the server is in COPY: some CopyData, then how it ends (or a message that does not belong). */
    private List<byte[]> copyMessages()
    {
        List<byte[]> messages = new ArrayList<>();
        int rows = random.nextInt(5);
        for (int i = 0; i < rows; i++) {
            messages.add(sessionMessage(SessionMessage.COPY_DATA, nextBoolean(5) ? Damage.MUTATED : Damage.VALID));
        }
        messages.add(switch (random.nextInt(5)) {
            case 0, 1 -> copyDone();
            case 2 -> sessionMessage(SessionMessage.COPY_FAIL, Damage.VALID);
            case 3 -> sessionMessage(SessionMessage.SYNC, Damage.VALID);
            default -> sessionMessage(SessionMessage.QUERY, Damage.VALID);
        });
        byte last = messages.getLast()[0];
        if (last == 'S' || last == 'd') {
            // Sync is ignored during COPY and CopyData continues it: the COPY still needs its end
            messages.add(copyDone());
        }
        return messages;
    }

    /** A fresh connection: maybe encryption requests first, a startup packet, maybe tagged messages after it. */
    private Opening opening()
    {
        List<byte[]> packets = new ArrayList<>();
        if (nextBoolean(4)) {
            packets.add(startupPacket(StartupPacket.SSL_REQUEST, Damage.VALID));
        }
        if (nextBoolean(6)) {
            packets.add(startupPacket(StartupPacket.GSSENC_REQUEST, Damage.VALID));
        }
        StartupPacket type = nextBoolean(2) ? StartupPacket.STARTUP_MESSAGE : StartupPacket.values()[random.nextInt(StartupPacket.values().length)];
        Damage damage = damage();
        packets.add(startupPacket(type, damage));
        if (!damage.breaksFraming()) {
            // before authentication only a password message belongs here
            int after = random.nextInt(4);
            for (int i = 0; i < after; i++) {
                packets.add(sessionMessage(sessionMessageType(), nextBoolean(4) ? Damage.MUTATED : Damage.VALID));
            }
        }
        return new Opening(packets);
    }

    private SessionMessage sessionMessageType()
    {
        int pick = random.nextInt(TOTAL_WEIGHT);
        for (SessionMessage type : SessionMessage.values()) {
            pick -= type.weight;
            if (pick < 0) {
                return type;
            }
        }
        throw new IllegalStateException();
    }

    // per mille: megabyte bodies are rare, each costs the time to send it
    private Damage damage()
    {
        int pick = random.nextInt(1000);
        if (pick < 850) {
            return Damage.VALID;
        }
        if (pick < 960) {
            return Damage.MUTATED;
        }
        if (pick < 985) {
            return Damage.TRUNCATED;
        }
        return pick < 997 ? Damage.OVERSIZED_LENGTH : Damage.OVERSIZED_BODY;
    }

    private byte[] sessionMessage(SessionMessage type, Damage damage)
    {
        count(type.name(), damage);
        byte[] message = switch (type) {
            case QUERY -> RawPgClient.query(sql());
            case PARSE -> parse();
            case BIND -> bind();
            case DESCRIBE_STATEMENT -> targeted('D', 'S');
            case DESCRIBE_PORTAL -> targeted('D', 'P');
            case EXECUTE -> RawPgClient.execute(name(), nextBoolean(4) ? random.nextInt() : random.nextInt(3));
            case CLOSE_STATEMENT -> targeted('C', 'S');
            case CLOSE_PORTAL -> targeted('C', 'P');
            case SYNC, FLUSH, TERMINATE -> RawPgClient.tagged(type.tag, new byte[0]);
            case COPY_DATA -> RawPgClient.tagged('d', copyData());
            case COPY_DONE -> copyDone();
            case COPY_FAIL -> copyFail();
            case FUNCTION_CALL -> functionCall();
            case PASSWORD -> password();
            case SASL_RESPONSE -> nextBoolean(2) ? RawPgClient.saslInitialResponse("SCRAM-SHA-256", text("n,,n=,r=fuzznonce")) : saslFinalMessage("fuzznonce");
            case UNKNOWN_TYPE -> RawPgClient.tagged(unknownTag(), randomBytes(random.nextInt(40)));
        };
        // the body of a Describe or Close starts with its target byte: what grows it comes after
        int bodyOffset = type.tag == 'D' || type.tag == 'C' ? 1 : 0;
        return damaged(message, 5, bodyOffset, damage);
    }

    private byte[] startupPacket(StartupPacket type, Damage damage)
    {
        count(type.name(), damage);
        byte[] packet = switch (type) {
            case STARTUP_MESSAGE -> startupMessage();
            case SSL_REQUEST -> request(SSL_REQUEST_CODE);
            case GSSENC_REQUEST -> request(GSSENC_REQUEST_CODE);
            case CANCEL_REQUEST -> request(CANCEL_REQUEST_CODE, random.nextInt(), random.nextInt());
        };
        // after the protocol version, a longer body reads as a longer first parameter name
        return damaged(packet, 4, 4, damage);
    }

    /**
     * @param headerLength bytes before the body: tag and length, or the length alone
     * @param growAt where in the body an oversized one gets its megabytes, so that it stays well formed
     */
    private byte[] damaged(byte[] message, int headerLength, int growAt, Damage damage)
    {
        int body = message.length - headerLength;
        return switch (damage) {
            case VALID -> message;
            case MUTATED -> {
                if (body == 0) {
                    yield withBody(message, headerLength, randomBytes(1 + random.nextInt(4)));
                }
                byte[] copy = message.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    copy[headerLength + random.nextInt(body)] = (byte) random.nextInt(256);
                }
                yield copy;
            }
            case TRUNCATED -> withLength(message, headerLength, switch (random.nextInt(10)) {
                case 0 -> Integer.MIN_VALUE + random.nextInt(Integer.MAX_VALUE);
                case 1, 2, 3, 4 -> random.nextInt(body + 4);
                default -> body + 5 + random.nextInt(64);
            });
            case OVERSIZED_LENGTH -> {
                int claim = switch (random.nextInt(4)) {
                    case 0 -> 1 << 30;
                    case 1 -> Integer.MAX_VALUE;
                    case 2 -> (1 << 24) + random.nextInt(Integer.MAX_VALUE - (1 << 24));
                    default -> MEGABYTE + random.nextInt(16 * MEGABYTE);
                };
                yield Arrays.copyOf(withLength(message, headerLength, claim), headerLength + Math.min(body, random.nextInt(17)));
            }
            case OVERSIZED_BODY -> {
                byte[] filler = new byte[MEGABYTE + random.nextInt(2 * MEGABYTE)];
                Arrays.fill(filler, (byte) 'x');
                int at = headerLength + Math.min(growAt, body);
                ByteArrayOutputStream grown = new ByteArrayOutputStream(message.length + filler.length);
                grown.write(message, headerLength, at - headerLength);
                grown.writeBytes(filler);
                grown.write(message, at, message.length - at);
                yield withBody(message, headerLength, grown.toByteArray());
            }
        };
    }

    /** The message's tag (if any) and a length field that fits the new body. */
    private static byte[] withBody(byte[] message, int headerLength, byte[] body)
    {
        byte[] grown = new byte[headerLength + body.length];
        System.arraycopy(message, 0, grown, 0, headerLength - 4);
        System.arraycopy(body, 0, grown, headerLength, body.length);
        return withLength(grown, headerLength, body.length + 4);
    }

    private static byte[] withLength(byte[] message, int headerLength, int length)
    {
        byte[] copy = message.clone();
        int at = headerLength - 4;
        copy[at] = (byte) (length >>> 24);
        copy[at + 1] = (byte) (length >>> 16);
        copy[at + 2] = (byte) (length >>> 8);
        copy[at + 3] = (byte) length;
        return copy;
    }

    private void count(String type, Damage damage)
    {
        generated.merge(type + " " + damage.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }

    private String sql()
    {
        String statement = STATEMENTS[random.nextInt(STATEMENTS.length)];
        // one statement in five is damaged: JSqlParser needs ~50 ms to give up on one, which bounds the test's speed
        return switch (random.nextInt(20)) {
            case 0 -> statement.substring(0, random.nextInt(statement.length() + 1));
            case 1 -> insertAt(statement, String.valueOf((char) random.nextInt(0x80)));
            case 2 -> insertAt(statement, List.of("\u0000", "\uFFFD", "😀", "'", "$", "$2", "::", "[", "E'\\x", "-- ", "/*").get(random.nextInt(11)));
            case 3 -> statement + " " + STATEMENTS[random.nextInt(STATEMENTS.length)];
            default -> statement;
        };
    }

    private String insertAt(String text, String inserted)
    {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + inserted + text.substring(at);
    }

    private byte[] parse()
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, name());
        cstringBytes(body, text(sql()));
        int types = nextBoolean(4) ? random.nextInt(6) : 0;
        int16(body, types);
        for (int i = 0; i < types; i++) {
            int32(body, TYPE_OIDS[random.nextInt(TYPE_OIDS.length)]);
        }
        return RawPgClient.tagged('P', body.toByteArray());
    }

    private byte[] bind()
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, name());
        cstring(body, name());
        int values = random.nextInt(5);
        int formats = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> values;
            default -> random.nextInt(5);
        };
        int16(body, formats);
        for (int i = 0; i < formats; i++) {
            int16(body, nextBoolean(6) ? random.nextInt(5) - 1 : random.nextInt(2));
        }
        int16(body, values);
        for (int i = 0; i < values; i++) {
            lengthPrefixed(body, switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> randomBytes(random.nextInt(12));
                default -> text(PARAMETER_TEXTS[random.nextInt(PARAMETER_TEXTS.length)]);
            });
        }
        int results = random.nextInt(3);
        int16(body, results);
        for (int i = 0; i < results; i++) {
            int16(body, nextBoolean(6) ? 7 : random.nextInt(2));
        }
        return RawPgClient.tagged('B', body.toByteArray());
    }

    /** Describe or Close of a statement ('S') or portal ('P'). */
    private byte[] targeted(char tag, char target)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(target);
        cstring(body, name());
        return RawPgClient.tagged(tag, body.toByteArray());
    }

    private byte[] copyFail()
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstringBytes(body, text("fuzz " + PARAMETER_TEXTS[random.nextInt(PARAMETER_TEXTS.length)]));
        return RawPgClient.tagged('f', body.toByteArray());
    }

    private static byte[] copyDone()
    {
        return RawPgClient.tagged('c', new byte[0]);
    }

    private byte[] copyData()
    {
        String line = switch (random.nextInt(6)) {
            case 0 -> "c-1\tfuzz\t2025-01-01 00:00:00+00\n";
            case 1 -> "c-2,fuzz,2025-01-01 00:00:00+00\n";
            case 2 -> "\\N\t\\N\t\\N\n";
            case 3 -> "\\.\n";
            default -> "";
        };
        byte[] bytes = line.isEmpty() ? randomBytes(random.nextInt(40)) : text(line);
        if (nextBoolean(3) && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = random.nextBoolean() ? 0 : (byte) 0xC3;
        }
        return bytes;
    }

    /** FunctionCall: function OID, argument formats, arguments, result format (the fast-path interface). */
    private byte[] functionCall()
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int32(body, nextBoolean(2) ? TYPE_OIDS[random.nextInt(TYPE_OIDS.length)] : random.nextInt());
        int arguments = random.nextInt(3);
        int16(body, arguments);
        for (int i = 0; i < arguments; i++) {
            int16(body, random.nextInt(2));
        }
        int16(body, arguments);
        for (int i = 0; i < arguments; i++) {
            lengthPrefixed(body, nextBoolean(4) ? null : text(PARAMETER_TEXTS[random.nextInt(PARAMETER_TEXTS.length)]));
        }
        int16(body, random.nextInt(2));
        return RawPgClient.tagged('F', body.toByteArray());
    }

    private byte[] password()
    {
        String password = switch (random.nextInt(3)) {
            case 0 -> TestingGateway.PASSWORD;
            case 1 -> "md5" + "0123456789abcdef".repeat(2);
            default -> PARAMETER_TEXTS[random.nextInt(PARAMETER_TEXTS.length)];
        };
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstringBytes(body, text(password));
        return RawPgClient.tagged('p', body.toByteArray());
    }

    private char unknownTag()
    {
        while (true) {
            char tag = (char) random.nextInt(256);
            if (KNOWN_TAGS.indexOf(tag) < 0) {
                return tag;
            }
        }
    }

    /** Parameters in any order, repeated or missing, with odd names and values, after a protocol version. */
    private byte[] startupMessage()
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int32(body, PROTOCOL_VERSIONS[random.nextInt(PROTOCOL_VERSIONS.length)]);
        if (!nextBoolean(5)) {
            cstring(body, "user");
            cstring(body, TestingGateway.USER);
        }
        int parameters = random.nextInt(4);
        for (int i = 0; i < parameters; i++) {
            cstringBytes(body, text(STARTUP_PARAMETERS[random.nextInt(STARTUP_PARAMETERS.length)]));
            cstringBytes(body, text(STARTUP_VALUES[random.nextInt(STARTUP_VALUES.length)]));
        }
        body.write(0);
        return RawPgClient.untagged(body.toByteArray());
    }

    private static byte[] request(int code, int... values)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int32(body, code);
        for (int value : values) {
            int32(body, value);
        }
        return RawPgClient.untagged(body.toByteArray());
    }

    /** A SASL message in the place of the client's answer to AuthenticationSASL (or of its final message). */
    byte[] saslMessage()
    {
        return switch (random.nextInt(8)) {
            case 0 -> RawPgClient.saslInitialResponse("SCRAM-SHA-256", null);
            case 1 -> RawPgClient.saslInitialResponse(random.nextBoolean() ? "PLAIN" : "SCRAM-SHA-256-PLUS", text("n,,n=,r=abc"));
            case 2 -> RawPgClient.saslInitialResponse("SCRAM-SHA-256", text(List.of("", "n", "n,", "n,,", "n,,n=", "n,,n=,r=", "y,,n=,r=x", "p=tls-server-end-point,,n=,r=x",
                    "n,a=someone,n=,r=x", "n,,m=ext,n=,r=x", "n,,n=,r=\u0001", "n,,r=x,n=").get(random.nextInt(12))));
            case 3 -> RawPgClient.saslInitialResponse("SCRAM-SHA-256", randomBytes(random.nextInt(60)));
            case 4 -> RawPgClient.tagged('p', randomBytes(random.nextInt(40)));
            case 5 -> {
                // Int32 length of the initial response longer or shorter than what follows
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                cstring(body, "SCRAM-SHA-256");
                int32(body, random.nextInt(200) - 100);
                body.writeBytes(text("n,,n=,r=x"));
                yield RawPgClient.tagged('p', body.toByteArray());
            }
            case 6 -> RawPgClient.tagged('p', new byte[0]);
            default -> RawPgClient.query("SELECT 1");
        };
    }

    /** A client-final-message after a valid client-first-message, wrong in its own ways. */
    byte[] saslFinalMessage(String serverNonce)
    {
        String message = List.of("", "c=biws", "c=biws,r=" + serverNonce, "c=biws,r=" + serverNonce + ",p=", "c=biws,r=" + serverNonce + ",p=!!!",
                "c=biws,r=" + serverNonce + ",p=" + "A".repeat(44), "c=eSws,r=" + serverNonce + ",p=" + "A".repeat(43) + "=", "c=biws,r=wrong,p=" + "A".repeat(43) + "=",
                "r=" + serverNonce + ",c=biws,p=x", ",,,", "c=,r=,p=",
                // well formed, with a proof of the right length that is wrong
                "c=biws,r=" + serverNonce + ",p=" + "A".repeat(43) + "=").get(random.nextInt(12));
        return RawPgClient.tagged('p', text(message));
    }

    private String name()
    {
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> "";
            case 3 -> "s1";
            case 4 -> "p" + random.nextInt(3);
            default -> "n\u00e4me" + random.nextInt(1000);
        };
    }

    /** UTF-8 of the text, sometimes with an invalid byte. */
    private byte[] text(String text)
    {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (nextBoolean(12) && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 | random.nextInt(0x80));
        }
        return bytes;
    }

    private byte[] randomBytes(int length)
    {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private void cstring(ByteArrayOutputStream out, String value)
    {
        cstringBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void cstringBytes(ByteArrayOutputStream out, byte[] value)
    {
        for (byte b : value) {
            // a NUL inside would end the string early: the grammar cannot carry one
            if (b != 0) {
                out.write(b);
            }
        }
        out.write(0);
    }

    /** Int32 length and the bytes, or -1 for NULL. */
    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] value)
    {
        if (value == null) {
            int32(out, -1);
            return;
        }
        int32(out, value.length);
        out.writeBytes(value);
    }

    private static void int16(ByteArrayOutputStream out, int value)
    {
        out.write(value >>> 8);
        out.write(value);
    }

    private static void int32(ByteArrayOutputStream out, int value)
    {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
