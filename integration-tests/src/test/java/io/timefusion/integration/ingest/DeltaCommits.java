package io.timefusion.integration.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Counts the commits of the Delta tables under a data directory: one {@code _delta_log/<version>.json} each. */
final class DeltaCommits
{
    private DeltaCommits() {}

    static long count(Path dataDirectory)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            return files.filter(file -> file.getParent() != null && file.getParent().getFileName().toString().equals("_delta_log"))
                    .filter(file -> file.getFileName().toString().matches("\\d{20}\\.json"))
                    .count();
        }
    }
}
