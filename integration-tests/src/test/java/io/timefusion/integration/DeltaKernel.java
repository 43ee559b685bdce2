package io.timefusion.integration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Delta Kernel as an independent reader: runs {@code io.timefusion.verifier.DeltaKernelDump} in a child JVM
 * (Kernel's Parquet and Jackson versions clash with Trino's) on a local table directory.
 * <p>
 * Rows come back as the verifier prints them: one map per row, keys in table-schema order, timestamps as epoch
 * microseconds ({@code Long}), dates as "yyyy-MM-dd", integers of every width as {@code Long}, arrays as lists.
 */
final class DeltaKernel
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {};
    private static final long TIMEOUT_MINUTES = 5;

    private DeltaKernel() {}

    /** The latest snapshot's rows, in the order Kernel scanned them. */
    static List<Map<String, Object>> readRows(Path tableDirectory)
    {
        return rows(run(tableDirectory.toString()));
    }

    /** The rows of an earlier version: Kernel's time travel, which it refuses (an AssertionError here) when the log no longer reaches that version. */
    static List<Map<String, Object>> readRowsAtVersion(Path tableDirectory, long version)
    {
        return rows(run("--at-version", Long.toString(version), tableDirectory.toString()));
    }

    private static List<Map<String, Object>> rows(String output)
    {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : output.lines().toList()) {
            try {
                rows.add(JSON.readValue(line, ROW));
            }
            catch (IOException e) {
                throw new UncheckedIOException("DeltaKernelDump printed a line that is not a JSON object: " + line, e);
            }
        }
        return rows;
    }

    /** The latest snapshot's version. */
    static long readVersion(Path tableDirectory)
    {
        return Long.parseLong(run("--version-only", tableDirectory.toString()).strip());
    }

    /** The latest version of an application transaction (Delta txn action) Kernel finds in the log, if any. */
    static Optional<Long> readTransactionVersion(Path tableDirectory, String appId)
    {
        String version = run("--txn-version", appId, tableDirectory.toString()).strip();
        return version.equals("none") ? Optional.empty() : Optional.of(Long.parseLong(version));
    }

    private static String run(String... arguments)
    {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-cp", classpath(),
                "io.timefusion.verifier.DeltaKernelDump"));
        command.addAll(List.of(arguments));
        try {
            // both streams go to files: no pipe can fill up and block the child, and the timeout below always applies
            Path stdout = Files.createTempFile("delta-kernel-dump", ".stdout");
            Path stderr = Files.createTempFile("delta-kernel-dump", ".stderr");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                process.getOutputStream().close();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("DeltaKernelDump did not exit within %d minutes; stderr:%n%s".formatted(TIMEOUT_MINUTES, text(stderr)));
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("DeltaKernelDump %s exited with %d; stderr:%n%s".formatted(String.join(" ", arguments), process.exitValue(), text(stderr)));
                }
                return text(stdout);
            }
            finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot run DeltaKernelDump: " + command, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    private static String text(Path file)
            throws IOException
    {
        return new String(Files.readAllBytes(file), UTF_8);
    }

    /** delta-verifier's classes plus the runtime classpath its build wrote (see delta-verifier/pom.xml). */
    private static String classpath()
    {
        Path classes = Path.of(requiredProperty("timefusion.verifier.classes"));
        Path classpathFile = Path.of(requiredProperty("timefusion.verifier.classpath-file"));
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("Build delta-verifier first (./mvnw -pl delta-verifier package): missing %s or %s".formatted(classes, classpathFile));
        }
        try {
            return classes + File.pathSeparator + Files.readString(classpathFile).strip();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requiredProperty(String name)
    {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property %s is not set (surefire sets it in integration-tests/pom.xml)".formatted(name));
        }
        return value;
    }
}
