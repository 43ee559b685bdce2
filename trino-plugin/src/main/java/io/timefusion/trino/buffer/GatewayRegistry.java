package io.timefusion.trino.buffer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.common.collect.ImmutableMap;
import com.google.inject.Inject;
import io.airlift.log.Logger;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.projects.SecretCipher;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.FileEntry;
import io.trino.filesystem.FileIterator;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;
import io.trino.spi.TrinoException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_CORRUPT_DELTA_LOG;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_GATEWAY_ERROR;
import static io.timefusion.trino.storage.StorageErrors.storageError;
import static java.util.Objects.requireNonNull;

/**
 * The gateways that serve buffered rows, as one JSON record per gateway under {@code {prefix}/_gateways/} in the default
 * storage, like the projects' registry (docs/ingest.md, "The write buffer"). Each node keeps the records for at most
 * {@code timefusion.projects-refresh-interval}; the node that runs a procedure sees the change at once, and a node asked
 * for a gateway it does not know, or whose token a gateway refused, reloads once before it gives up.
 */
public class GatewayRegistry
{
    private static final Logger log = Logger.get(GatewayRegistry.class);

    private final FileSystems fileSystems;
    private final TableStorage defaultTable;
    private final Location directory;
    private final SecretCipher cipher;
    private final long refreshNanos;
    private final long expiryMillis;
    private volatile Loaded loaded;

    private record Loaded(Map<String, GatewayRecord> records, long loadedAt) {}

    @Inject
    public GatewayRegistry(FileSystems fileSystems, DefaultTableStorage defaultTable, TimeFusionConfig config)
    {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.defaultTable = defaultTable.get();
        this.directory = this.defaultTable.tableRoot().parentDirectory().appendPath("_gateways");
        this.cipher = new SecretCipher(config.getSecretsKey(), "gateway", TIMEFUSION_GATEWAY_ERROR);
        this.refreshNanos = config.getProjectsRefreshInterval().roundTo(TimeUnit.NANOSECONDS);
        this.expiryMillis = config.getGatewayExpiry().toMillis();
    }

    /** Every gateway ever announced, retired ones included, by id. */
    public List<Gateway> all()
    {
        return records().values().stream()
                .map(GatewayRecord::gateway)
                .sorted(Comparator.comparing(Gateway::gatewayId))
                .toList();
    }

    /** The gateways a query asks for buffered rows now. */
    public List<Gateway> live()
    {
        long now = System.currentTimeMillis();
        return all().stream().filter(gateway -> isLive(gateway, now)).toList();
    }

    public boolean isLive(Gateway gateway, long nowMillis)
    {
        return gateway.isLive(nowMillis, expiryMillis);
    }

    /** The gateway's token; a gateway this node does not know yet makes it reload the records once. */
    public Optional<String> token(String gatewayId)
    {
        GatewayRecord record = records().get(gatewayId);
        if (record == null) {
            record = reload().get(gatewayId);
        }
        return Optional.ofNullable(record).map(this::decryptToken);
    }

    /** The token as stored now, read afresh: after the gateway refused the one this node had cached. */
    public Optional<String> reloadedToken(String gatewayId)
    {
        return Optional.ofNullable(reload().get(gatewayId)).map(this::decryptToken);
    }

    /** Creates or refreshes a gateway (heartbeat now, not retired); the caller has validated the input. */
    public void announce(String gatewayId, String url, String token)
    {
        GatewayRecord previous = records().get(gatewayId);
        write(new GatewayRecord(gatewayId, url, cipher.encrypt(gatewayId, token), System.currentTimeMillis(), false));
        // heartbeats come every 10 s: only a new, moved or returning gateway is worth a line in the log
        if (previous == null || previous.retired() || !previous.url().equals(url)) {
            log.info("Gateway %s announced at %s", gatewayId, Gateway.authorityOf(url));
        }
    }

    /** Retires a gateway: queries no longer ask it until it announces itself again. Retiring twice is harmless. */
    public void retire(String gatewayId)
    {
        GatewayRecord record = reload().get(gatewayId);
        if (record == null) {
            throw new TrinoException(TIMEFUSION_GATEWAY_ERROR, "Gateway %s was never announced".formatted(gatewayId));
        }
        if (!record.retired()) {
            write(record.retire());
            log.info("Gateway %s retired", gatewayId);
        }
    }

    private String decryptToken(GatewayRecord record)
    {
        return cipher.decrypt(record.gatewayId(), record.encryptedToken());
    }

    private void write(GatewayRecord record)
    {
        Location location = directory.appendPath(record.gatewayId() + ".json");
        try {
            fileSystems.overwrite(defaultTable.backend(), location, DeltaJson.toJson(record).getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw storageError("store gateway " + record.gatewayId(), location, e);
        }
        loaded = null;
    }

    private Map<String, GatewayRecord> records()
    {
        Loaded current = loaded;
        if (current == null || System.nanoTime() - current.loadedAt() > refreshNanos) {
            return reload();
        }
        return current.records();
    }

    private Map<String, GatewayRecord> reload()
    {
        Loaded current = new Loaded(load(), System.nanoTime());
        loaded = current;
        return current.records();
    }

    private Map<String, GatewayRecord> load()
    {
        TrinoFileSystem fileSystem = fileSystems.fileSystem(defaultTable.backend());
        ImmutableMap.Builder<String, GatewayRecord> records = ImmutableMap.builder();
        try {
            FileIterator files = fileSystem.listFiles(directory);
            while (files.hasNext()) {
                FileEntry file = files.next();
                if (file.location().fileName().endsWith(".json")) {
                    GatewayRecord record = read(fileSystem, file.location());
                    records.put(record.gatewayId(), record);
                }
            }
        }
        catch (IOException e) {
            throw storageError("list announced gateways", directory, e);
        }
        return records.buildKeepingLast();
    }

    private static GatewayRecord read(TrinoFileSystem fileSystem, Location location)
            throws IOException
    {
        try (InputStream input = fileSystem.newInputFile(location).newStream()) {
            return DeltaJson.fromJson(new String(input.readAllBytes(), StandardCharsets.UTF_8), GatewayRecord.class);
        }
        catch (JsonProcessingException e) {
            throw new TrinoException(TIMEFUSION_CORRUPT_DELTA_LOG, "Gateway record %s is corrupt: %s".formatted(location, e.getOriginalMessage()));
        }
    }
}
