package io.timefusion.gateway.ingest.buffer;

import io.timefusion.gateway.ingest.RowBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One flush keeps each row once: of rows with the same (project_id, timestamp, id) the last one in sequence order (the
 * latest write, as a client's retry of an INSERT is) replaces the earlier ones, in the place of the first. OPTIMIZE
 * applies the same rule across flushes, in Delta log order. A flush replayed after a crash covers the same statements,
 * so it drops the same rows and its txn still matches.
 */
final class LatestWrites
{
    private record Key(String projectId, Instant timestamp, String id) {}

    private LatestWrites() {}

    /** The batch without the rows a later row of it overwrites (the same batch when it has none). */
    static RowBatch of(RowBatch batch)
    {
        int project = batch.columns().indexOf("project_id");
        int timestamp = batch.columns().indexOf("timestamp");
        int id = batch.columns().indexOf("id");
        if (project < 0 || timestamp < 0 || id < 0) {
            // every buffered statement names them (they are NOT NULL); a batch without them has nothing to compare
            return batch;
        }
        Map<Key, Integer> firstPlace = new HashMap<>();
        List<Object[]> kept = new ArrayList<>(batch.rowCount());
        for (Object[] row : batch.rows()) {
            Key key = new Key((String) row[project], (Instant) row[timestamp], (String) row[id]);
            Integer place = firstPlace.putIfAbsent(key, kept.size());
            if (place == null) {
                kept.add(row);
            }
            else {
                kept.set(place, row);
            }
        }
        return kept.size() == batch.rowCount() ? batch : new RowBatch(batch.table(), batch.columns(), kept);
    }
}
