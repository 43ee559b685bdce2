package io.timefusion.integration.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Frontend messages as a careless or hostile client writes them: well-framed but with contents that are wrong in
 * every way the grammar allows (odd SQL, placeholders past the parameters, unknown type OIDs, wrong format and value
 * counts, bad lengths, NUL bytes and invalid UTF-8 in text and COPY data), mixed with some that are valid. Seeded, so
 * a failure replays.
 */
final class FrontendFuzzer
{
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
    // COPY is fuzzed on its own (copyStatement, copyData): the client must answer CopyInResponse before anything else
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

    private final Random random;

    FrontendFuzzer(long seed)
    {
        this.random = new Random(seed);
    }

    /** One to a dozen session messages (no COPY statement among them). */
    List<byte[]> sessionBatch()
    {
        List<byte[]> batch = new ArrayList<>();
        int count = 1 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
            batch.add(sessionMessage());
        }
        return batch;
    }

    String copyStatement()
    {
        return COPY_STATEMENTS[random.nextInt(COPY_STATEMENTS.length)];
    }

    /** What a client sends once the server is in COPY: some CopyData, then how it ends (or a message that does not belong). */
    List<byte[]> copyMessages()
    {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < random.nextInt(5); i++) {
            messages.add(RawPgClient.tagged('d', copyData()));
        }
        messages.add(switch (random.nextInt(5)) {
            case 0, 1 -> RawPgClient.tagged('c', new byte[0]);
            case 2 -> copyFail();
            case 3 -> RawPgClient.sync();
            default -> sessionMessage();
        });
        byte last = messages.getLast()[0];
        if (last == 'S' || last == 'H' || last == 'd') {
            // Sync and Flush are ignored during COPY and CopyData continues it: the COPY still needs its end
            messages.add(RawPgClient.tagged('c', new byte[0]));
        }
        return messages;
    }

    boolean nextBoolean(int oneIn)
    {
        return random.nextInt(oneIn) == 0;
    }

    private byte[] sessionMessage()
    {
        return switch (random.nextInt(16)) {
            case 0, 1 -> RawPgClient.query(sql());
            case 2, 3, 4 -> parse();
            case 5, 6, 7 -> bind();
            case 8 -> describe();
            case 9, 10 -> RawPgClient.execute(name(), random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(3));
            case 11 -> close();
            case 12 -> RawPgClient.tagged('d', copyData());
            case 13 -> RawPgClient.tagged(random.nextBoolean() ? 'c' : 'H', new byte[0]);
            case 14 -> copyFail();
            default -> mangled(switch (random.nextInt(3)) {
                case 0 -> parse();
                case 1 -> bind();
                default -> RawPgClient.query(sql());
            });
        };
    }

    /** A message whose length field or body bytes were damaged, still framed as one message. */
    private byte[] mangled(byte[] message)
    {
        byte[] copy = message.clone();
        if (copy.length > 5) {
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                copy[5 + random.nextInt(copy.length - 5)] = (byte) random.nextInt(256);
            }
        }
        return copy;
    }

    String sql()
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
        int types = random.nextInt(4) == 0 ? random.nextInt(6) : 0;
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
            int16(body, random.nextInt(6) == 0 ? random.nextInt(5) - 1 : random.nextInt(2));
        }
        int16(body, values);
        for (int i = 0; i < values; i++) {
            byte[] value = switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> randomBytes(random.nextInt(12));
                default -> text(PARAMETER_TEXTS[random.nextInt(PARAMETER_TEXTS.length)]);
            };
            if (value == null) {
                int32(body, -1);
            }
            else {
                int32(body, value.length);
                body.writeBytes(value);
            }
        }
        int results = random.nextInt(3);
        int16(body, results);
        for (int i = 0; i < results; i++) {
            int16(body, random.nextInt(6) == 0 ? 7 : random.nextInt(2));
        }
        return RawPgClient.tagged('B', body.toByteArray());
    }

    private byte[] describe()
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(random.nextBoolean() ? 'S' : 'P');
        cstring(body, name());
        return RawPgClient.tagged('D', body.toByteArray());
    }

    private byte[] close()
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(random.nextBoolean() ? 'S' : 'P');
        cstring(body, name());
        return RawPgClient.tagged('C', body.toByteArray());
    }

    private byte[] copyFail()
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstringBytes(body, text("fuzz " + PARAMETER_TEXTS[random.nextInt(PARAMETER_TEXTS.length)]));
        return RawPgClient.tagged('f', body.toByteArray());
    }

    byte[] copyData()
    {
        String line = switch (random.nextInt(6)) {
            case 0 -> "c-1\tfuzz\t2025-01-01 00:00:00+00\n";
            case 1 -> "c-2,fuzz,2025-01-01 00:00:00+00\n";
            case 2 -> "\\N\t\\N\t\\N\n";
            case 3 -> "\\.\n";
            default -> "";
        };
        byte[] bytes = line.isEmpty() ? randomBytes(random.nextInt(40)) : text(line);
        if (random.nextInt(3) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = random.nextBoolean() ? 0 : (byte) 0xC3;
        }
        return bytes;
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
        if (random.nextInt(12) == 0 && bytes.length > 0) {
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
