package io.timefusion.gateway.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch from the statements of one table. Statements may name different columns (any subset, any order): the
 * batch has the union of their columns, and a row is NULL in the columns its statement did not name, which is what
 * the statement alone would have stored.
 */
public final class BatchMerger
{
    private BatchMerger() {}

    public static RowBatch merge(String table, List<RowBatch> parts)
    {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        int rowCount = 0;
        for (RowBatch part : parts) {
            for (String column : part.columns()) {
                positions.putIfAbsent(column, positions.size());
            }
            rowCount += part.rowCount();
        }
        List<Object[]> rows = new ArrayList<>(rowCount);
        for (RowBatch part : parts) {
            int[] targets = part.columns().stream().mapToInt(positions::get).toArray();
            boolean sameLayout = targets.length == positions.size() && isIdentity(targets);
            for (Object[] row : part.rows()) {
                if (sameLayout) {
                    rows.add(row);
                    continue;
                }
                Object[] merged = new Object[positions.size()];
                for (int i = 0; i < targets.length; i++) {
                    merged[targets[i]] = row[i];
                }
                rows.add(merged);
            }
        }
        return new RowBatch(table, List.copyOf(positions.keySet()), rows);
    }

    private static boolean isIdentity(int[] targets)
    {
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] != i) {
                return false;
            }
        }
        return true;
    }
}
