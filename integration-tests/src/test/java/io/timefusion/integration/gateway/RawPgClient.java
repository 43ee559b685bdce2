package io.timefusion.integration.gateway;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A Postgres client at the byte level, for protocol sequences no driver produces on demand: pipelines, broken
 * messages, cleartext login. It writes frontend messages as the protocol spells them and reads backend messages
 * as (tag, body) pairs.
 */
final class RawPgClient
        implements AutoCloseable
{
    record BackendMessage(char tag, byte[] body)
    {
        String text()
        {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The SQLSTATE of an ErrorResponse ('C' field). */
        String sqlState()
        {
            String[] fields = new String(body, StandardCharsets.UTF_8).split("\0");
            for (String field : fields) {
                if (!field.isEmpty() && field.charAt(0) == 'C') {
                    return field.substring(1);
                }
            }
            return null;
        }
    }

    private final Socket socket;
    private final DataInputStream input;
    private final OutputStream output;

    RawPgClient(int port)
            throws IOException
    {
        socket = new Socket("127.0.0.1", port);
        // without it a pipeline of small writes waits for the server's delayed ACK (Nagle): 40 ms an exchange
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        input = new DataInputStream(socket.getInputStream());
        output = socket.getOutputStream();
    }

    static byte[] startup(int major, int minor, Map<String, String> parameters)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt(body, (major << 16) | minor);
        parameters.forEach((name, value) -> {
            writeCString(body, name);
            writeCString(body, value);
        });
        body.write(0);
        return untagged(body.toByteArray());
    }

    static byte[] untagged(byte[] body)
    {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        writeInt(message, body.length + 4);
        message.writeBytes(body);
        return message.toByteArray();
    }

    static byte[] tagged(char tag, byte[] body)
    {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(tag);
        writeInt(message, body.length + 4);
        message.writeBytes(body);
        return message.toByteArray();
    }

    static byte[] password(String password)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeCString(body, password);
        return tagged('p', body.toByteArray());
    }

    static byte[] query(String sql)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeCString(body, sql);
        return tagged('Q', body.toByteArray());
    }

    static byte[] parse(String name, String sql)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeCString(body, name);
        writeCString(body, sql);
        writeShort(body, 0);
        return tagged('P', body.toByteArray());
    }

    /** Bind with text parameters and all-text results. */
    static byte[] bind(String portal, String statement, String... parameters)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeCString(body, portal);
        writeCString(body, statement);
        writeShort(body, 0);
        writeShort(body, parameters.length);
        for (String parameter : parameters) {
            byte[] value = parameter.getBytes(StandardCharsets.UTF_8);
            writeInt(body, value.length);
            body.writeBytes(value);
        }
        writeShort(body, 0);
        return tagged('B', body.toByteArray());
    }

    static byte[] describePortal(String portal)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write('P');
        writeCString(body, portal);
        return tagged('D', body.toByteArray());
    }

    static byte[] execute(String portal, int maxRows)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeCString(body, portal);
        writeInt(body, maxRows);
        return tagged('E', body.toByteArray());
    }

    static byte[] sync()
    {
        return tagged('S', new byte[0]);
    }

    static byte[] sslRequest()
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt(body, 80877103);
        return untagged(body.toByteArray());
    }

    /** A Query message whose length field is exactly {@code frameLength}: a string literal padded to fit. */
    static byte[] queryOfFrameLength(int frameLength)
    {
        String prefix = "SELECT '";
        String suffix = "'";
        int padding = frameLength - 4 - prefix.length() - suffix.length() - 1;
        byte[] message = new byte[frameLength + 1];
        message[0] = 'Q';
        message[1] = (byte) (frameLength >>> 24);
        message[2] = (byte) (frameLength >>> 16);
        message[3] = (byte) (frameLength >>> 8);
        message[4] = (byte) frameLength;
        int at = 5;
        for (byte b : prefix.getBytes(StandardCharsets.US_ASCII)) {
            message[at++] = b;
        }
        java.util.Arrays.fill(message, at, at + padding, (byte) 'x');
        at += padding;
        message[at++] = '\'';
        message[at] = 0;
        return message;
    }

    /** Bind of the unnamed statement with one text parameter of {@code valueLength} bytes. */
    static byte[] bindOfValueLength(int valueLength)
    {
        byte[] value = new byte[valueLength];
        java.util.Arrays.fill(value, (byte) 'v');
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeCString(body, "");
        writeCString(body, "");
        writeShort(body, 0);
        writeShort(body, 1);
        writeInt(body, value.length);
        body.writeBytes(value);
        writeShort(body, 0);
        return tagged('B', body.toByteArray());
    }

    void setReadTimeout(java.time.Duration timeout)
            throws IOException
    {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** Ends what this client sends (a half-close): the server reads end of stream where it waits for more. */
    void shutdownOutput()
            throws IOException
    {
        socket.shutdownOutput();
    }

    OutputStream rawOutput()
    {
        return output;
    }

    void send(byte[]... messages)
            throws IOException
    {
        for (byte[] message : messages) {
            output.write(message);
        }
        output.flush();
    }

    /** Logs in with a cleartext password (the gateway under test must be configured for it) and waits for ReadyForQuery. */
    List<BackendMessage> login(String user, String password)
            throws IOException
    {
        send(startup(3, 0, Map.of("user", user, "database", "timefusion")));
        List<BackendMessage> received = new ArrayList<>();
        BackendMessage message = read();
        received.add(message);
        if (message.tag() == 'R' && message.body()[3] == 3) {
            send(password(password));
        }
        received.addAll(readUntil('Z'));
        return received;
    }

    /** One byte, as the server answers SSLRequest; -1 at end of stream. */
    int readByte()
            throws IOException
    {
        return input.read();
    }

    /** Logs in with SCRAM-SHA-256 (RFC 5802, as libpq does it: empty user name, no channel binding); waits for ReadyForQuery. */
    List<BackendMessage> loginScram(String user, String password)
            throws IOException
    {
        return loginScram(user, password, false);
    }

    /** @param deferFirstMessage send SASLInitialResponse without the client-first-message, and that in the next message */
    List<BackendMessage> loginScram(String user, String password, boolean deferFirstMessage)
            throws IOException
    {
        send(startup(3, 0, Map.of("user", user, "database", "timefusion")));
        List<BackendMessage> received = new ArrayList<>();
        received.add(read());
        String clientNonce = Base64.getEncoder().encodeToString(randomBytes(18));
        String clientFirstBare = "n=,r=" + clientNonce;
        byte[] clientFirst = ("n,," + clientFirstBare).getBytes(StandardCharsets.UTF_8);
        if (deferFirstMessage) {
            send(saslInitialResponse("SCRAM-SHA-256", null));
            BackendMessage emptyChallenge = read();
            received.add(emptyChallenge);
            if (emptyChallenge.tag() != 'R') {
                received.addAll(readUntil('Z'));
                return received;
            }
            send(tagged('p', clientFirst));
        }
        else {
            send(saslInitialResponse("SCRAM-SHA-256", clientFirst));
        }
        BackendMessage challenge = read();
        received.add(challenge);
        if (challenge.tag() != 'R') {
            received.addAll(readUntil('Z'));
            return received;
        }
        String serverFirst = new String(challenge.body(), 4, challenge.body().length - 4, StandardCharsets.UTF_8);
        Map<Character, String> attributes = new java.util.HashMap<>();
        for (String attribute : serverFirst.split(",")) {
            attributes.put(attribute.charAt(0), attribute.substring(2));
        }
        byte[] salted = pbkdf2(password, Base64.getDecoder().decode(attributes.get('s')), Integer.parseInt(attributes.get('i')));
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.UTF_8));
        String clientFinalWithoutProof = "c=biws,r=" + attributes.get('r');
        byte[] authMessage = String.join(",", clientFirstBare, serverFirst, clientFinalWithoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] signature = hmac(sha256(clientKey), authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        send(tagged('p', (clientFinalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8)));
        received.addAll(readUntil('Z'));
        return received;
    }

    /** SASLInitialResponse: mechanism, Int32 length of the initial response (-1 for none), the response. */
    static byte[] saslInitialResponse(String mechanism, byte[] initialResponse)
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeCString(body, mechanism);
        if (initialResponse == null) {
            writeInt(body, -1);
        }
        else {
            writeInt(body, initialResponse.length);
            body.writeBytes(initialResponse);
        }
        return tagged('p', body.toByteArray());
    }

    private static byte[] randomBytes(int length)
    {
        byte[] bytes = new byte[length];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations)
    {
        try {
            javax.crypto.SecretKeyFactory factory = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            return factory.generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] message)
    {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] input)
    {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(input);
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    BackendMessage read()
            throws IOException
    {
        int tag = input.read();
        if (tag < 0) {
            throw new EOFException("connection closed by the server");
        }
        return readAfterTag((char) tag);
    }

    /** The rest of a backend message whose tag {@link #readByte} returned (in place of the answer to SSLRequest). */
    BackendMessage readAfterTag(char tag)
            throws IOException
    {
        int length = input.readInt();
        byte[] body = new byte[length - 4];
        input.readFully(body);
        return new BackendMessage(tag, body);
    }

    /** Messages up to and including the first with the given tag. */
    List<BackendMessage> readUntil(char tag)
            throws IOException
    {
        List<BackendMessage> messages = new ArrayList<>();
        BackendMessage message;
        do {
            message = read();
            messages.add(message);
        }
        while (message.tag() != tag);
        return messages;
    }

    /** Whether the server closed the connection (reads until end of stream, failing on anything but EOF). */
    boolean closedByServer()
            throws IOException
    {
        try {
            while (true) {
                read();
            }
        }
        catch (EOFException | java.net.SocketException e) {
            return true;
        }
    }

    /** Tags, with the text of error responses: what an assertion failure should show. */
    static String describe(List<BackendMessage> messages)
    {
        StringBuilder description = new StringBuilder();
        for (BackendMessage message : messages) {
            description.append(message.tag());
            if (message.tag() == 'E') {
                description.append('(').append(message.text().replace('\0', ' ').strip()).append(')');
            }
        }
        return description.toString();
    }

    static String tags(List<BackendMessage> messages)
    {
        StringBuilder tags = new StringBuilder();
        messages.forEach(message -> tags.append(message.tag()));
        return tags.toString();
    }

    private static void writeInt(ByteArrayOutputStream out, int value)
    {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void writeShort(ByteArrayOutputStream out, int value)
    {
        out.write(value >>> 8);
        out.write(value);
    }

    private static void writeCString(ByteArrayOutputStream out, String value)
    {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    @Override
    public void close()
            throws IOException
    {
        socket.close();
    }
}
