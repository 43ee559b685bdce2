package io.timefusion.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes Delta log commits as plain JSON, with no Delta library involved, so the dump is checked against the
 * Delta protocol rather than against Kernel's own writer.
 */
final class HandWrittenDeltaLog
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private HandWrittenDeltaLog() {}

    static void commit(Path table, long version, List<Map<String, ?>> actions)
            throws IOException
    {
        Path log = Files.createDirectories(table.resolve("_delta_log"));
        StringBuilder lines = new StringBuilder();
        for (Map<String, ?> action : actions) {
            lines.append(JSON.writeValueAsString(action)).append('\n');
        }
        Files.writeString(log.resolve("%020d.json".formatted(version)), lines);
    }

    static Map<String, ?> protocol()
    {
        return Map.of("protocol", Map.of("minReaderVersion", 1, "minWriterVersion", 2));
    }

    static Map<String, ?> metaData(List<Map<String, ?>> columns, List<String> partitionColumns)
            throws IOException
    {
        String schemaString = JSON.writeValueAsString(Map.of("type", "struct", "fields", columns));
        return Map.of("metaData", Map.of(
                "id", UUID.randomUUID().toString(),
                "format", Map.of("provider", "parquet", "options", Map.of()),
                "schemaString", schemaString,
                "partitionColumns", partitionColumns,
                "configuration", Map.of(),
                "createdTime", 0L));
    }

    static Map<String, ?> column(String name, Object type)
    {
        return Map.of("name", name, "type", type, "nullable", true, "metadata", Map.of());
    }

    static Map<String, ?> arrayOf(String elementType)
    {
        return Map.of("type", "array", "elementType", elementType, "containsNull", true);
    }

    static Map<String, ?> add(Path table, Path dataFile, Map<String, String> partitionValues)
            throws IOException
    {
        return Map.of("add", Map.of(
                "path", table.relativize(dataFile).toString(),
                "partitionValues", partitionValues,
                "size", Files.size(dataFile),
                "modificationTime", Files.getLastModifiedTime(dataFile).toMillis(),
                "dataChange", true));
    }

    static Map<String, ?> commitInfo()
    {
        return Map.of("commitInfo", Map.of("operation", "WRITE"));
    }
}
