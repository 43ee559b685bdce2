package io.timefusion.trino.projects;

import io.trino.spi.TrinoException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_PROJECT_ERROR;

/**
 * Encrypts project secrets for storage with AES-256-GCM: a random 12-byte nonce per secret, stored before the
 * ciphertext, and the project id as associated data so a secret cannot be moved to another project's record.
 */
public final class SecretCipher
{
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    public SecretCipher(Optional<String> base64Key)
    {
        this.key = base64Key.map(SecretCipher::parseKey);
    }

    private static SecretKeySpec parseKey(String base64Key)
    {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TIMEFUSION_SECRETS_KEY is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("TIMEFUSION_SECRETS_KEY must be 32 bytes (base64 of 32 random bytes), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String encrypt(String projectId, String secret)
    {
        SecretKeySpec secretKey = key.orElseThrow(() -> new TrinoException(TIMEFUSION_PROJECT_ERROR,
                "TIMEFUSION_SECRETS_KEY is not set: project secrets are never stored unencrypted, so projects with credentials cannot be registered"));
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secretKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(projectId.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String projectId, String encrypted)
    {
        SecretKeySpec secretKey = key.orElseThrow(() -> new TrinoException(TIMEFUSION_PROJECT_ERROR,
                "Project %s has encrypted credentials but TIMEFUSION_SECRETS_KEY is not set on this node".formatted(projectId)));
        try {
            byte[] bytes = Base64.getDecoder().decode(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secretKey, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(projectId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TrinoException(TIMEFUSION_PROJECT_ERROR, "The credentials of project %s cannot be decrypted: is TIMEFUSION_SECRETS_KEY the key they were stored with?".formatted(projectId));
        }
    }
}
