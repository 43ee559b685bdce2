package io.timefusion.gateway.pgwire.auth;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A SCRAM-SHA-256 client written from RFC 5802 section 3 for ASCII passwords, using the JDK's PBKDF2 rather than the
 * server's own, with every message part under the test's control.
 */
final class RfcScramClient
{
    private final String password;
    private final String gs2Header;
    private final String clientFirstMessageBare;
    private String serverFirstMessage;
    private String clientFinalWithoutProof;
    private byte[] saltedPassword;

    RfcScramClient(String password, String gs2Header, String clientNonce)
    {
        this.password = password;
        this.gs2Header = gs2Header;
        this.clientFirstMessageBare = "n=user,r=" + clientNonce;
    }

    String clientFirstMessage()
    {
        return gs2Header + clientFirstMessageBare;
    }

    String clientFinalMessage(String serverFirstMessage)
    {
        this.serverFirstMessage = serverFirstMessage;
        Map<String, String> attributes = attributes(serverFirstMessage);
        saltedPassword = hi(Base64.getDecoder().decode(attributes.get("s")), Integer.parseInt(attributes.get("i")));
        clientFinalWithoutProof = "c=" + Base64.getEncoder().encodeToString(gs2Header.getBytes(UTF_8)) + ",r=" + attributes.get("r");
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] clientSignature = hmac(sha256(clientKey), authMessage());
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        return clientFinalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** The server-final-message a server that knows the password must send. */
    String expectedServerFinalMessage()
    {
        return "v=" + Base64.getEncoder().encodeToString(hmac(hmac(saltedPassword, "Server Key"), authMessage()));
    }

    private String authMessage()
    {
        return clientFirstMessageBare + "," + serverFirstMessage + "," + clientFinalWithoutProof;
    }

    private static Map<String, String> attributes(String message)
    {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : message.split(",")) {
            attributes.put(attribute.substring(0, 1), attribute.substring(2));
        }
        return attributes;
    }

    private byte[] hi(byte[] salt, int iterations)
    {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        }
        catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] hmac(byte[] key, String message)
    {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] sha256(byte[] input)
    {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        }
        catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
