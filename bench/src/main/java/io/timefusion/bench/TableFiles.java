package io.timefusion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a table occupies on disk: its Parquet data files and, separately, everything else (the Delta log). */
record TableFiles(int dataFiles, long dataBytes, int partitions, int logFiles, long logBytes)
{
    static TableFiles of(Path tableDirectory)
    {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(tableDirectory)) {
            files = paths.filter(Files::isRegularFile).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> data = files.stream().filter(file -> file.getFileName().toString().endsWith(".parquet") && !isLog(tableDirectory, file)).toList();
        List<Path> log = files.stream().filter(file -> isLog(tableDirectory, file)).toList();
        int partitions = (int) data.stream().map(Path::getParent).distinct().count();
        return new TableFiles(data.size(), size(data), partitions, log.size(), size(log));
    }

    private static boolean isLog(Path tableDirectory, Path file)
    {
        return tableDirectory.relativize(file).startsWith("_delta_log");
    }

    private static long size(List<Path> files)
    {
        long bytes = 0;
        for (Path file : files) {
            try {
                bytes += Files.size(file);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }
}
