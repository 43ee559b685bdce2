package io.timefusion.gateway.ingest.buffer;

import io.timefusion.gateway.ingest.IngestException;
import io.timefusion.gateway.ingest.wal.WriteAheadLog;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The one thread that appends statements to the write-ahead log. It takes every statement that arrived while the
 * previous fsync ran and writes them with a single fsync (group commit: no fixed wait, and the more sessions write, the
 * more each fsync carries). Once a group is on disk its statements enter the buffer, in sequence order, and only then
 * are they acknowledged: a query never sees a row that a failed fsync could still take back.
 */
final class GroupCommit
        implements AutoCloseable
{
    private record Pending(BufferedStatement.Prepared statement, CompletableFuture<BufferedStatement> buffered) {}

    private static final Pending END = new Pending(null, null);

    private final WriteAheadLog wal;
    private final Consumer<BufferedStatement> buffer;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final LongAdder fsyncs = new LongAdder();
    private final LongAdder statements = new LongAdder();
    private final Thread writer;

    GroupCommit(WriteAheadLog wal, Consumer<BufferedStatement> buffer)
    {
        this.wal = wal;
        this.buffer = buffer;
        // a platform thread: it spends its time in fsync, which would pin a virtual thread's carrier anyway
        this.writer = Thread.ofPlatform().name("wal-group-commit").daemon().start(this::run);
    }

    /** Completes once the statement is fsynced and in the buffer, or fails with the SQLSTATE of the log's failure. */
    CompletableFuture<BufferedStatement> append(BufferedStatement.Prepared statement)
    {
        CompletableFuture<BufferedStatement> buffered = new CompletableFuture<>();
        queue.add(new Pending(statement, buffered));
        return buffered;
    }

    long fsyncs()
    {
        return fsyncs.sum();
    }

    long statements()
    {
        return statements.sum();
    }

    /** Writes what was submitted before, then stops. */
    @Override
    public void close()
            throws InterruptedException
    {
        queue.add(END);
        writer.join();
    }

    private void run()
    {
        List<Pending> group = new ArrayList<>();
        while (true) {
            try {
                group.add(queue.take());
            }
            catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group);
            boolean end = group.remove(END);
            if (!group.isEmpty()) {
                commit(group);
            }
            group.clear();
            if (end) {
                return;
            }
        }
    }

    private void commit(List<Pending> group)
    {
        long first;
        try {
            first = wal.appendStatements(group.stream().map(pending -> pending.statement().logRecord()).toList());
        }
        catch (IOException | RuntimeException e) {
            SQLException failure = failure(e);
            group.forEach(pending -> pending.buffered().completeExceptionally(failure));
            return;
        }
        fsyncs.increment();
        statements.add(group.size());
        for (int i = 0; i < group.size(); i++) {
            BufferedStatement statement = group.get(i).statement().withSequence(first + i);
            buffer.accept(statement);
            group.get(i).buffered().complete(statement);
        }
    }

    /** 53100 (disk_full) when the disk is full, as Postgres says when it cannot extend its WAL; 58030 (io_error) otherwise. */
    static SQLException failure(Exception e)
    {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            return new IngestException("53100", "could not write to the write-ahead log: " + message, e);
        }
        return new IngestException("58030", "could not write to the write-ahead log: " + message, e);
    }
}
