package io.timefusion.gateway.ingest.buffer;

import io.timefusion.gateway.ingest.wal.WriteAheadLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Who this gateway is to the plugin, kept in QUEUE_DB_PATH for as long as its write-ahead log: its id (the Delta txn
 * application id of its flushes, and the name it announces itself under) and the token Trino workers must present
 * to read its buffered rows. Both are created at the first start and never change, so a restarted gateway keeps its
 * txn history and workers that knew it keep reaching it.
 */
public final class GatewayIdentity
{
    private static final String ID_FILE = "gateway-id";
    private static final String TOKEN_FILE = "gateway-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final String token;

    private GatewayIdentity(String id, String token)
    {
        this.id = requireNonNull(id, "id is null");
        this.token = requireNonNull(token, "token is null");
    }

    public static GatewayIdentity load(Path directory)
    {
        try {
            Files.createDirectories(directory);
            return new GatewayIdentity(
                    readOrCreate(directory, ID_FILE, () -> "timefusion-gateway-" + UUID.randomUUID()),
                    readOrCreate(directory, TOKEN_FILE, GatewayIdentity::newToken));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the gateway's identity in " + directory, e);
        }
    }

    public String id()
    {
        return id;
    }

    public String token()
    {
        return token;
    }

    /** Whether a presented token is this gateway's, compared in constant time. */
    public boolean acceptsToken(String presented)
    {
        return presented != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString()
    {
        // the token is a credential: never printed
        return id;
    }

    /** 256 random bits, URL-safe: it travels as a Trino extra credential and an HTTP bearer token. */
    private static String newToken()
    {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String readOrCreate(Path directory, String name, Supplier<String> create)
            throws IOException
    {
        Path file = directory.resolve(name);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        String value = create.get();
        Path temporary = directory.resolve(name + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        WriteAheadLog.syncDirectory(directory);
        return value;
    }
}
