package io.timefusion.trino.projects;

import io.trino.spi.ErrorCodeSupplier;
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

import static java.util.Objects.requireNonNull;

/**
 * Encrypts secrets for storage with AES-256-GCM: a random 12-byte nonce per secret, stored before the ciphertext, and
 * the owner's id as associated data so a secret cannot be moved to another record. One cipher per kind of owner
 * (project secret keys, gateway tokens), which names the owner in its errors.
 */
public final class SecretCipher
{
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;
    private final String ownerKind;
    private final ErrorCodeSupplier errorCode;

    /**
     * @param ownerKind what owns the secrets, for errors: "project", "gateway"
     * @param errorCode the error a missing or wrong key raises
     */
    public SecretCipher(Optional<String> base64Key, String ownerKind, ErrorCodeSupplier errorCode)
    {
        this.key = base64Key.map(SecretCipher::parseKey);
        this.ownerKind = requireNonNull(ownerKind, "ownerKind is null");
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
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

    public String encrypt(String ownerId, String secret)
    {
        SecretKeySpec secretKey = key.orElseThrow(() -> new TrinoException(errorCode,
                "TIMEFUSION_SECRETS_KEY is not set: secrets are never stored unencrypted, so the secret of %s %s cannot be stored (set the catalog property timefusion.secrets-key)"
                        .formatted(ownerKind, ownerId)));
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secretKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String ownerId, String encrypted)
    {
        SecretKeySpec secretKey = key.orElseThrow(() -> new TrinoException(errorCode,
                "The %s %s has an encrypted secret but TIMEFUSION_SECRETS_KEY is not set on this node".formatted(ownerKind, ownerId)));
        try {
            byte[] bytes = Base64.getDecoder().decode(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secretKey, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TrinoException(errorCode, "The secret of %s %s cannot be decrypted: is TIMEFUSION_SECRETS_KEY the key it was stored with?".formatted(ownerKind, ownerId));
        }
    }
}
