package io.timefusion.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A dashboard query repeated on its own connection while a scenario writes: a count over one project's last rows with a
 * new literal each time, so no cache answers it. What a reader waits for while the server ingests.
 */
final class QueryDuringIngest
        implements AutoCloseable
{
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Long> latencies = new ArrayList<>();
    private final Thread reader;
    private volatile Exception failure;

    private QueryDuringIngest(IngestTarget target)
    {
        reader = Thread.ofPlatform().name("query-during-ingest").start(() -> {
            try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
                for (int round = 0; !stop.get(); round++) {
                    long started = System.nanoTime();
                    try (ResultSet count = statement.executeQuery(
                            "SELECT count(*), max(duration) FROM otel_logs_and_spans WHERE project_id = 'project-1' AND duration > " + round % 1000)) {
                        count.next();
                    }
                    latencies.add(System.nanoTime() - started);
                }
            }
            catch (Exception e) {
                failure = e;
            }
        });
    }

    static QueryDuringIngest start(IngestTarget target)
    {
        return new QueryDuringIngest(target);
    }

    /** Stops the reader after its current query. */
    @Override
    public void close()
            throws Exception
    {
        stop.set(true);
        reader.join();
        if (failure != null) {
            throw failure;
        }
    }

    Latencies latencies()
    {
        return Latencies.of(latencies.stream().mapToLong(Long::longValue).toArray());
    }
}
