package io.timefusion.gateway.pgwire.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Checks the answer to AuthenticationMD5Password: {@code "md5" + md5hex(md5hex(password + user) + salt)}, where the
 * inner hash is what Postgres stores in pg_authid and the salt is the 4 random bytes the server sent.
 */
public final class Md5Password
{
    private Md5Password() {}

    public static boolean matches(String user, String password, byte[] salt, String clientResponse)
    {
        byte[] expected = response(user, password, salt).getBytes(UTF_8);
        // constant time, so the comparison reveals nothing about how much of a guess was right
        return MessageDigest.isEqual(expected, clientResponse.getBytes(UTF_8));
    }

    private static String response(String user, String password, byte[] salt)
    {
        byte[] stored = md5Hex((password + user).getBytes(UTF_8)).getBytes(UTF_8);
        byte[] salted = Arrays.copyOf(stored, stored.length + salt.length);
        System.arraycopy(salt, 0, salted, stored.length, salt.length);
        return "md5" + md5Hex(salted);
    }

    private static String md5Hex(byte[] input)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(input));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }
}
