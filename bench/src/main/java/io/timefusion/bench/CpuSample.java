package io.timefusion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * CPU time of the whole machine and of this benchmark (its JVM and child processes such as s3proxy), in clock
 * ticks from /proc. The difference of two samples tells how much of the machine other processes used meanwhile:
 * the benchmark shares 2 cores with whatever else runs, and that share is the noise in its numbers.
 */
record CpuSample(long machineTicks, long machineBusyTicks, long ownTicks)
{
    static CpuSample take()
    {
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is already in user
        long[] fields = Arrays.stream(firstLine(Path.of("/proc/stat")).trim().split("\\s+"))
                .skip(1)
                .limit(8)
                .mapToLong(Long::parseLong)
                .toArray();
        long total = Arrays.stream(fields).sum();
        long idle = fields[3] + fields[4];
        long own = Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
                .mapToLong(process -> processTicks(process.pid()))
                .sum();
        return new CpuSample(total, total - idle, own);
    }

    /** Fraction of all cores' time that other processes were busy between {@code before} and this sample. */
    double othersShareSince(CpuSample before)
    {
        long machine = machineTicks - before.machineTicks;
        if (machine == 0) {
            return 0;
        }
        long others = (machineBusyTicks - before.machineBusyTicks) - (ownTicks - before.ownTicks);
        return Math.max(0, (double) others / machine);
    }

    private static long processTicks(long pid)
    {
        String line;
        try {
            line = firstLine(Path.of("/proc", Long.toString(pid), "stat"));
        }
        catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return 0; // a child that ended between listing and reading
            }
            throw e;
        }
        // the command name in parentheses may contain spaces; utime and stime are the 12th and 13th fields after it
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String firstLine(Path file)
    {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().orElseThrow();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
