package io.timefusion.gateway.ingest.queue.wal;

import io.airlift.log.Logger;
import io.timefusion.gateway.ingest.BatchTxn;
import io.timefusion.gateway.ingest.RowBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The batch queue's write-ahead log under QUEUE_DB_PATH (BATCH_ACK=local): a batch is appended and fsynced before
 * its statements are answered, and marked once committed to Delta. At start, the batches not marked are replayed
 * with {@code txn(appId = gateway id, version = batch sequence)}, so one that did commit before a crash is not
 * written twice.
 *
 * <p>Layout: {@code gateway-id} (this gateway's app id, created once) and segment files {@code wal-<first
 * sequence>.log}. A new segment starts at every start and when the current one passes {@link #SEGMENT_BYTES}; an
 * older segment is deleted once all its batches are committed. The newest segment is never deleted, and its name
 * keeps the sequence growing across restarts even when every batch was committed: a sequence used again would be
 * skipped by Delta as already committed.
 */
public final class WriteAheadLog
        implements AutoCloseable
{
    private static final Logger log = Logger.get(WriteAheadLog.class);
    private static final long SEGMENT_BYTES = 64L * 1024 * 1024;
    private static final String GATEWAY_ID_FILE = "gateway-id";

    /** A batch of the log that was not marked committed. */
    public record RecoveredBatch(long sequence, RowBatch rows) {}

    private final Path directory;
    private final String gatewayId;
    private final List<RecoveredBatch> recovered;
    // first sequence of a segment → sequences in it not yet committed
    private final TreeMap<Long, Set<Long>> uncommitted = new TreeMap<>();
    private final Map<Long, Long> segmentOfSequence = new HashMap<>();
    private long nextSequence;
    private long activeSegment;
    private FileChannel active;

    private WriteAheadLog(Path directory, String gatewayId, List<RecoveredBatch> recovered, long nextSequence)
    {
        this.directory = directory;
        this.gatewayId = gatewayId;
        this.recovered = List.copyOf(recovered);
        this.nextSequence = nextSequence;
    }

    public static WriteAheadLog open(Path directory)
    {
        try {
            Files.createDirectories(directory);
            String gatewayId = gatewayId(directory);
            Map<Long, RecoveredBatch> batches = new LinkedHashMap<>();
            Map<Long, Long> segments = new HashMap<>();
            long next = 1;
            for (Path segment : segments(directory)) {
                long first = firstSequence(segment);
                next = Math.max(next, first);
                for (WalRecord record : WalCodec.decodeAll(Files.readAllBytes(segment))) {
                    switch (record) {
                        case WalRecord.Batch batch -> {
                            batches.put(batch.sequence(), new RecoveredBatch(batch.sequence(), batch.rows()));
                            segments.put(batch.sequence(), first);
                            next = Math.max(next, batch.sequence() + 1);
                        }
                        case WalRecord.Committed committed -> batches.remove(committed.sequence());
                    }
                }
            }
            WriteAheadLog wal = new WriteAheadLog(directory, gatewayId, new ArrayList<>(batches.values()), next);
            for (Path segment : segments(directory)) {
                wal.uncommitted.put(firstSequence(segment), new HashSet<>());
            }
            for (RecoveredBatch batch : batches.values()) {
                long segment = segments.get(batch.sequence());
                wal.uncommitted.get(segment).add(batch.sequence());
                wal.segmentOfSequence.put(batch.sequence(), segment);
            }
            wal.startSegment();
            if (!batches.isEmpty()) {
                log.info("Write-ahead log %s: %d batches not known to be committed will be replayed", directory, batches.size());
            }
            return wal;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot open the write-ahead log in " + directory, e);
        }
    }

    /** The batches to replay, in sequence order. */
    public List<RecoveredBatch> recovered()
    {
        return recovered;
    }

    public BatchTxn txn(long sequence)
    {
        return new BatchTxn(gatewayId, sequence);
    }

    public String gatewayId()
    {
        return gatewayId;
    }

    /** Appends the batch and fsyncs it; returns its sequence. */
    public synchronized long append(RowBatch rows)
    {
        long sequence = nextSequence++;
        try {
            if (active.size() > SEGMENT_BYTES) {
                startSegment();
            }
            write(new WalRecord.Batch(sequence, rows));
            active.force(false);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uncommitted.get(activeSegment).add(sequence);
        segmentOfSequence.put(sequence, activeSegment);
        return sequence;
    }

    /**
     * Marks a batch committed. Not fsynced: if the mark is lost, the batch is replayed and Delta skips its txn.
     */
    public synchronized void committed(long sequence)
    {
        try {
            write(new WalRecord.Committed(sequence));
            Long segment = segmentOfSequence.remove(sequence);
            if (segment != null) {
                uncommitted.get(segment).remove(sequence);
            }
            deleteCommittedSegments();
        }
        catch (IOException e) {
            log.warn(e, "Could not mark batch %d committed in the write-ahead log; it will be replayed (and skipped) at the next start", sequence);
        }
    }

    @Override
    public synchronized void close()
            throws IOException
    {
        active.close();
    }

    private void write(WalRecord record)
            throws IOException
    {
        ByteBuffer buffer = ByteBuffer.wrap(WalCodec.encode(record));
        while (buffer.hasRemaining()) {
            active.write(buffer);
        }
    }

    private void startSegment()
            throws IOException
    {
        if (active != null) {
            active.close();
        }
        activeSegment = nextSequence;
        Path file = directory.resolve("wal-%020d.log".formatted(activeSegment));
        active = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        uncommitted.putIfAbsent(activeSegment, new HashSet<>());
        syncDirectory(directory);
        deleteCommittedSegments();
    }

    private void deleteCommittedSegments()
            throws IOException
    {
        var iterator = uncommitted.entrySet().iterator();
        while (iterator.hasNext()) {
            var segment = iterator.next();
            if (segment.getKey() != activeSegment && segment.getValue().isEmpty()) {
                Files.deleteIfExists(directory.resolve("wal-%020d.log".formatted(segment.getKey())));
                iterator.remove();
            }
        }
    }

    private static List<Path> segments(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("wal-\\d{20}\\.log")).sorted().toList();
        }
    }

    private static long firstSequence(Path segment)
    {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(4, 24));
    }

    /** This gateway's identity as a Delta txn app id: created at the first start, kept as long as the directory. */
    private static String gatewayId(Path directory)
            throws IOException
    {
        Path file = directory.resolve(GATEWAY_ID_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        String id = "timefusion-gateway-" + UUID.randomUUID();
        Path temporary = directory.resolve(GATEWAY_ID_FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(id.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(directory);
        return id;
    }

    /** A new or renamed file survives a crash only once its directory entry is on disk too. */
    private static void syncDirectory(Path directory)
            throws IOException
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
