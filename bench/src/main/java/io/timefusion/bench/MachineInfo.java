package io.timefusion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/** The machine the numbers were measured on, so a reader can tell whether they apply to theirs. */
record MachineInfo(OffsetDateTime measuredAt, int cores, long memoryBytes, String cpuModel, String java, String os, String loadAverage)
{
    static MachineInfo detect()
    {
        return new MachineInfo(
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                Long.parseLong(procValue("/proc/meminfo", "MemTotal").replace("kB", "").trim()) * 1024,
                procValue("/proc/cpuinfo", "model name"),
                "%s %s (%s)".formatted(System.getProperty("java.vm.vendor"), Runtime.version(), System.getProperty("java.vm.name")),
                "%s %s %s".formatted(System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch")),
                currentLoadAverage());
    }

    /** The Markdown list items every report starts with: when, CPU and memory, Java and this JVM's heap, OS. */
    List<String> markdownItems()
    {
        return List.of(
                "- measured: " + measuredAt,
                "- CPU: %d cores, %s; memory %.1f GiB".formatted(cores, cpuModel, memoryBytes / (double) (1L << 30)),
                "- Java: " + java + "; benchmark JVM max heap %d MiB".formatted(Runtime.getRuntime().maxMemory() >> 20),
                "- OS: " + os);
    }

    /** 1-, 5- and 15-minute load averages: anything well above 0 before the start means someone else is busy. */
    static String currentLoadAverage()
    {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String procValue(String file, String key)
    {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
