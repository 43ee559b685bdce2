package io.timefusion.gateway.pgwire.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802, RFC 7677) as Postgres runs it: the user name in the
 * client-first-message is ignored (the StartupMessage already named the user), and channel binding is not offered, so
 * a client may send the gs2 header {@code n,,} or {@code y,,} but not {@code p=}. One instance serves one exchange:
 * {@link #serverFirstMessage} then {@link #serverFinalMessage}.
 */
public final class ScramSha256Server
{
    public static final String MECHANISM = "SCRAM-SHA-256";

    static final int ITERATIONS = 4096;
    private static final int SALT_LENGTH = 16;
    /** Postgres' SCRAM_RAW_NONCE_LEN. */
    private static final int SERVER_NONCE_LENGTH = 18;
    private static final int PROOF_LENGTH = 32;

    private enum State
    {
        AWAITING_CLIENT_FIRST, AWAITING_CLIENT_FINAL, FINISHED
    }

    private final SecureRandom random;
    private final byte[] salt;
    private final byte[] storedKey;
    private final byte[] serverKey;

    private State state = State.AWAITING_CLIENT_FIRST;
    private String gs2Header;
    private String clientFirstMessageBare;
    private String serverFirstMessage;
    private String nonce;

    public ScramSha256Server(String password, SecureRandom random)
    {
        requireNonNull(password, "password is null");
        if (password.isEmpty()) {
            // Postgres refuses empty passwords too; HMAC cannot even be keyed with one
            throw new IllegalArgumentException("SCRAM needs a non-empty password");
        }
        this.random = requireNonNull(random, "random is null");
        this.salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        byte[] saltedPassword = pbkdf2(SaslPrep.prepare(password), salt, ITERATIONS);
        this.storedKey = sha256(hmac(saltedPassword, "Client Key"));
        this.serverKey = hmac(saltedPassword, "Server Key");
    }

    /** Reads client-first-message, answers server-first-message with the combined nonce, salt and iteration count. */
    public byte[] serverFirstMessage(byte[] clientFirstMessage)
    {
        requireState(State.AWAITING_CLIENT_FIRST);
        state = State.FINISHED;
        String message = new String(clientFirstMessage, UTF_8);
        int bareStart = readGs2Header(message);
        gs2Header = message.substring(0, bareStart);
        clientFirstMessageBare = message.substring(bareStart);

        String[] attributes = clientFirstMessageBare.split(",", -1);
        if (attributes[0].startsWith("m=")) {
            throw AuthenticationFailedException.unsupported("client requires an unsupported SCRAM extension");
        }
        if (!attributes[0].startsWith("n=") || attributes.length < 2) {
            throw malformed("expected user name and nonce in client-first-message");
        }
        String clientNonce = attributeValue(attributes[1], 'r');
        if (clientNonce.isEmpty() || !clientNonce.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw malformed("the client nonce must be printable");
        }

        byte[] serverNonce = new byte[SERVER_NONCE_LENGTH];
        random.nextBytes(serverNonce);
        nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
        serverFirstMessage = "r=%s,s=%s,i=%d".formatted(nonce, Base64.getEncoder().encodeToString(salt), ITERATIONS);
        state = State.AWAITING_CLIENT_FINAL;
        return serverFirstMessage.getBytes(UTF_8);
    }

    /**
     * Reads client-final-message and verifies its proof; answers server-final-message, which proves to the client that
     * the server knows the password too.
     *
     * @throws AuthenticationFailedException if the proof is wrong or the message malformed
     */
    public byte[] serverFinalMessage(byte[] clientFinalMessage)
    {
        requireState(State.AWAITING_CLIENT_FINAL);
        state = State.FINISHED;
        String message = new String(clientFinalMessage, UTF_8);
        String[] attributes = message.split(",", -1);
        if (attributes.length < 3) {
            throw malformed("expected channel binding, nonce and proof in client-final-message");
        }
        byte[] channelBinding = base64(attributeValue(attributes[0], 'c'));
        if (!MessageDigest.isEqual(channelBinding, gs2Header.getBytes(UTF_8))) {
            throw AuthenticationFailedException.protocolViolation("SCRAM channel binding check failed");
        }
        if (!attributeValue(attributes[1], 'r').equals(nonce)) {
            throw AuthenticationFailedException.protocolViolation("SCRAM nonce does not match");
        }
        // extensions may sit between nonce and proof; the proof is always last
        byte[] proof = base64(attributeValue(attributes[attributes.length - 1], 'p'));
        if (proof.length != PROOF_LENGTH) {
            throw malformed("the proof must be %d bytes".formatted(PROOF_LENGTH));
        }
        String clientFinalWithoutProof = message.substring(0, message.lastIndexOf(','));
        byte[] authMessage = String.join(",", clientFirstMessageBare, serverFirstMessage, clientFinalWithoutProof).getBytes(UTF_8);

        byte[] clientKey = hmac(storedKey, authMessage);
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] ^= proof[i];
        }
        // constant time, so the comparison reveals nothing about how much of a forged proof was right
        if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) {
            throw new AuthenticationFailedException("password does not match");
        }
        return ("v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage))).getBytes(UTF_8);
    }

    /** Returns where client-first-message-bare starts, after {@code n,,} or {@code y,,}. */
    private static int readGs2Header(String message)
    {
        if (message.startsWith("p=")) {
            throw AuthenticationFailedException.unsupported("client requires SCRAM channel binding, which is not supported");
        }
        if (!(message.startsWith("n,") || message.startsWith("y,"))) {
            throw malformed("unexpected channel-binding flag");
        }
        if (message.startsWith("a=", 2)) {
            throw AuthenticationFailedException.unsupported("client uses an authorization identity, which is not supported");
        }
        if (message.length() < 3 || message.charAt(2) != ',') {
            throw malformed("expected end of the gs2 header");
        }
        return 3;
    }

    private static String attributeValue(String attribute, char name)
    {
        if (attribute.length() < 2 || attribute.charAt(0) != name || attribute.charAt(1) != '=') {
            throw malformed("expected attribute '%s'".formatted(name));
        }
        return attribute.substring(2);
    }

    private static byte[] base64(String value)
    {
        try {
            return Base64.getDecoder().decode(value);
        }
        catch (IllegalArgumentException e) {
            throw malformed("invalid base64");
        }
    }

    private static AuthenticationFailedException malformed(String reason)
    {
        return AuthenticationFailedException.protocolViolation("malformed SCRAM message: " + reason);
    }

    private void requireState(State expected)
    {
        if (state != expected) {
            throw new IllegalStateException("SCRAM exchange is not awaiting that message: " + state);
        }
    }

    /** PBKDF2-HMAC-SHA-256 for one 32-byte block (RFC 8018 5.2): SCRAM's Hi() over the prepared password bytes. */
    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations)
    {
        Mac mac = mac(password);
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    private static byte[] hmac(byte[] key, String message)
    {
        return hmac(key, message.getBytes(UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] message)
    {
        return mac(key).doFinal(message);
    }

    private static Mac mac(byte[] key)
    {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }

    private static byte[] sha256(byte[] input)
    {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
