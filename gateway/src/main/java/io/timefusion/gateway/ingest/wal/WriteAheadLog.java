package io.timefusion.gateway.ingest.wal;

import io.airlift.log.Logger;
import io.timefusion.gateway.ingest.RowBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The write buffer's log under QUEUE_DB_PATH: the rows of every statement are appended and fsynced before the statement
 * is acknowledged, and the flushes that write them to Delta are recorded, so that a restart puts back exactly the
 * statements that were not yet committed, and writes an interrupted flush again as the same range.
 *
 * <p>Layout: segment files {@code wal-<sequence>.log}. A new segment starts at every start and when the current one
 * passes {@link #SEGMENT_BYTES}; it begins by restating the flush progress of every table, so that an older segment
 * can be deleted as soon as all its statements are flushed without losing what it said. The newest segment is never
 * deleted, and its name keeps the sequence growing across restarts even when everything was flushed: a sequence used
 * again would be skipped by Delta as already committed.
 *
 * <p>Thread-safe. {@link #appendStatements} writes many statements with one fsync: the caller groups the statements
 * that arrived during the previous fsync (group commit).
 */
public final class WriteAheadLog
        implements AutoCloseable
{
    private static final Logger log = Logger.get(WriteAheadLog.class);
    private static final long SEGMENT_BYTES = 64L * 1024 * 1024;

    /** A statement's record, encoded by the session that parsed it; the log gives it its sequence. */
    public record EncodedStatement(String table, int rows, byte[] record) {}

    /** What a start finds: statements not known to be flushed, and flushes that started but did not finish. */
    public record Recovery(List<WalRecord.Statement> statements, Map<String, Long> flushedThrough, List<WalRecord.FlushStarted> unfinishedFlushes) {}

    private final Path directory;
    private final Recovery recovery;
    // first sequence (file name) of each segment → the highest statement sequence per table in it
    private final TreeMap<Long, Map<String, Long>> segments = new TreeMap<>();
    private final Map<String, Long> flushedThrough = new HashMap<>();
    private final Map<String, WalRecord.FlushStarted> flushing = new HashMap<>();
    private long nextSequence;
    private long activeSegment;
    private FileChannel active;
    private IOException broken;

    private WriteAheadLog(Path directory, Recovery recovery, long nextSequence)
    {
        this.directory = directory;
        this.recovery = recovery;
        this.nextSequence = nextSequence;
    }

    public static WriteAheadLog open(Path directory)
    {
        try {
            Files.createDirectories(directory);
            Map<Long, WalRecord.Statement> statements = new LinkedHashMap<>();
            Map<String, Long> flushed = new HashMap<>();
            Map<String, List<WalRecord.FlushStarted>> started = new HashMap<>();
            TreeMap<Long, Map<String, Long>> segments = new TreeMap<>();
            long next = 1;
            for (Path segment : segmentFiles(directory)) {
                long first = firstSequence(segment);
                next = Math.max(next, first);
                Map<String, Long> highest = new HashMap<>();
                for (WalRecord record : WalCodec.decodeAll(Files.readAllBytes(segment))) {
                    switch (record) {
                        case WalRecord.Statement statement -> {
                            statements.put(statement.sequence(), statement);
                            highest.merge(statement.rows().table(), statement.sequence(), Math::max);
                            next = Math.max(next, statement.sequence() + 1);
                        }
                        case WalRecord.FlushStarted flush -> started.computeIfAbsent(flush.table(), _ -> new ArrayList<>()).add(flush);
                        case WalRecord.Flushed mark -> flushed.merge(mark.table(), mark.through(), Math::max);
                    }
                }
                segments.put(first, highest);
            }
            List<WalRecord.Statement> unflushed = statements.values().stream()
                    .filter(statement -> statement.sequence() > flushed.getOrDefault(statement.rows().table(), 0L))
                    .toList();
            List<WalRecord.FlushStarted> unfinished = new ArrayList<>();
            started.forEach((table, flushes) -> flushes.stream()
                    .filter(flush -> flush.through() > flushed.getOrDefault(table, 0L))
                    .forEach(unfinished::add));
            unfinished.sort((left, right) -> Long.compare(left.through(), right.through()));

            WriteAheadLog wal = new WriteAheadLog(directory, new Recovery(unflushed, Map.copyOf(flushed), List.copyOf(unfinished)), next);
            wal.segments.putAll(segments);
            wal.flushedThrough.putAll(flushed);
            unfinished.forEach(flush -> wal.flushing.put(flush.table(), flush));
            wal.startSegment();
            if (!unflushed.isEmpty()) {
                log.info("Write-ahead log %s: %d statements not yet flushed to Delta are put back into the buffer", directory, unflushed.size());
            }
            return wal;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot open the write-ahead log in " + directory, e);
        }
    }

    /** What the log held at open; the caller replays it before it acknowledges anything new. */
    public Recovery recovery()
    {
        return recovery;
    }

    public static EncodedStatement encode(RowBatch rows)
    {
        return new EncodedStatement(rows.table(), rows.rowCount(), WalCodec.encodeStatement(rows));
    }

    /**
     * Appends the statements in order and fsyncs once.
     *
     * @return the sequence of the first; the others follow it one by one
     * @throws IOException nothing of the group is in the log then: what was written is cut off again
     */
    public synchronized long appendStatements(List<EncodedStatement> statements)
            throws IOException
    {
        checkUsable();
        if (active.size() > SEGMENT_BYTES) {
            startSegment();
        }
        long first = nextSequence;
        long size = active.size();
        ByteBuffer[] buffers = new ByteBuffer[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            WalCodec.seal(statements.get(i).record(), first + i);
            buffers[i] = ByteBuffer.wrap(statements.get(i).record());
        }
        try {
            while (buffers[buffers.length - 1].hasRemaining()) {
                active.write(buffers);
            }
            active.force(false);
        }
        catch (IOException e) {
            cutBack(size, e);
            throw e;
        }
        nextSequence = first + statements.size();
        Map<String, Long> highest = segments.get(activeSegment);
        for (int i = 0; i < statements.size(); i++) {
            highest.merge(statements.get(i).table(), first + i, Math::max);
        }
        return first;
    }

    /** Records, fsynced, that a flush of ({@code after}, {@code through}] of the table is about to be written. */
    public synchronized void flushStarted(String table, long after, long through)
            throws IOException
    {
        checkUsable();
        WalRecord.FlushStarted flush = new WalRecord.FlushStarted(table, after, through);
        long size = active.size();
        try {
            write(flush);
            active.force(false);
        }
        catch (IOException e) {
            cutBack(size, e);
            throw e;
        }
        flushing.put(table, flush);
    }

    /**
     * Records that the table holds every statement up to {@code through}, and deletes the segments that held only
     * flushed statements. Not fsynced: if the mark is lost, the flush is written again at the next start and Delta
     * skips it as already committed.
     */
    public synchronized void flushed(String table, long through)
    {
        flushedThrough.merge(table, through, Math::max);
        flushing.remove(table);
        try {
            checkUsable();
            write(new WalRecord.Flushed(table, through));
            deleteFlushedSegments();
        }
        catch (IOException e) {
            log.warn(e, "Could not record the flush of %s through %d in the write-ahead log; it will be written again (and skipped) at the next start", table, through);
        }
    }

    /** Bytes of the segment files on disk. */
    public synchronized long sizeBytes()
    {
        long size = 0;
        for (long segment : segments.keySet()) {
            size += segmentPath(segment).toFile().length();
        }
        return size;
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

    /**
     * Removes a partly written group, which would otherwise end the readable log and hide every later record. If even
     * that fails, the log takes no more records: the gateway must be restarted once the disk is fixed.
     */
    private void cutBack(long size, IOException failure)
    {
        try {
            active.truncate(size);
        }
        catch (IOException e) {
            failure.addSuppressed(e);
            broken = failure;
        }
    }

    private void checkUsable()
            throws IOException
    {
        if (broken != null) {
            throw new IOException("the write-ahead log is unusable since an earlier write failed and could not be undone (" + broken.getMessage() + "); restart the gateway", broken);
        }
    }

    private void startSegment()
            throws IOException
    {
        if (active != null) {
            // the restated progress below goes to the new file: what the old one holds must be on disk first
            active.force(false);
            active.close();
        }
        activeSegment = nextSequence;
        active = FileChannel.open(segmentPath(activeSegment), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segments.putIfAbsent(activeSegment, new HashMap<>());
        for (Map.Entry<String, Long> table : flushedThrough.entrySet()) {
            write(new WalRecord.Flushed(table.getKey(), table.getValue()));
        }
        for (WalRecord.FlushStarted flush : flushing.values()) {
            write(flush);
        }
        active.force(false);
        syncDirectory(directory);
        deleteFlushedSegments();
    }

    private void deleteFlushedSegments()
            throws IOException
    {
        var iterator = segments.entrySet().iterator();
        while (iterator.hasNext()) {
            var segment = iterator.next();
            boolean flushed = segment.getValue().entrySet().stream()
                    .allMatch(table -> table.getValue() <= flushedThrough.getOrDefault(table.getKey(), 0L));
            if (segment.getKey() != activeSegment && flushed) {
                Files.deleteIfExists(segmentPath(segment.getKey()));
                iterator.remove();
            }
        }
    }

    private Path segmentPath(long firstSequence)
    {
        return directory.resolve("wal-%020d.log".formatted(firstSequence));
    }

    private static List<Path> segmentFiles(Path directory)
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

    /** A new file survives a crash only once its directory entry is on disk too. */
    public static void syncDirectory(Path directory)
            throws IOException
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
