package io.timefusion.trino.write;

import java.time.LocalDate;
import java.util.Map;

import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.DATE_COLUMN;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static java.util.Objects.requireNonNull;

/** The Delta partition a row belongs to: its project and the UTC day of its timestamp. */
public record PartitionKey(String projectId, long epochDay)
{
    public PartitionKey
    {
        requireNonNull(projectId, "projectId is null");
    }

    public Map<String, String> partitionValues()
    {
        return Map.of(PROJECT_ID, projectId, DATE_COLUMN, LocalDate.ofEpochDay(epochDay).toString());
    }

    /** {@code project_id=<p>/date=<yyyy-MM-dd>}, with Hive-style escaping so any project id makes one directory. */
    public String directory()
    {
        return PROJECT_ID + "=" + escapePathName(projectId) + "/" + DATE_COLUMN + "=" + LocalDate.ofEpochDay(epochDay);
    }

    // the escaping Hive and Spark use for partition directory names, so other engines read our layout
    private static String escapePathName(String value)
    {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c < ' ' || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0) {
                escaped.append('%').append("%02X".formatted((int) c));
            }
            else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
