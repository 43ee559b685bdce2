package io.timefusion.gateway.ingest;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encoded batches waiting to be fetched by a Trino worker (ingest.transport=http), each under an unguessable
 * one-time token: 256 random bits, the only thing that lets a reader have the rows. A batch is held only while its
 * INSERT runs; the writer discards it afterwards whether or not it was fetched.
 */
public class BatchStore
{
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> batches = new ConcurrentHashMap<>();

    /** @return the token the batch can be taken with, once */
    public String put(byte[] batch)
    {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        batches.put(token, batch);
        return token;
    }

    public Optional<byte[]> take(String token)
    {
        return Optional.ofNullable(batches.remove(token));
    }

    public void discard(String token)
    {
        batches.remove(token);
    }
}
