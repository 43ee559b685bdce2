package io.timefusion.trino.delta;

import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.Location;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** File names inside {@code _delta_log/}, as the Delta protocol fixes them. */
public final class DeltaLogFiles
{
    private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
    private static final Pattern SINGLE_PART_CHECKPOINT = Pattern.compile("(\\d{20})\\.checkpoint\\.parquet");
    // other writers' kinds of checkpoint (multi-part, V2 with a UUID) and per-version checksums
    private static final Pattern OTHER_VERSIONED_FILE = Pattern.compile("(\\d{20})\\.(checkpoint\\..+\\.(parquet|json)|crc)");

    /** A file of the log named after a version: a commit, a checkpoint of one of the protocol's kinds, a checksum. */
    public record VersionedFile(long version, Kind kind) {}

    public enum Kind
    {
        COMMIT,
        /** The kind TimeFusion writes and reads: {@code <version>.checkpoint.parquet}. */
        SINGLE_PART_CHECKPOINT,
        OTHER
    }

    private DeltaLogFiles() {}

    public static Location commit(TableStorage table, long version)
    {
        return table.deltaLog().appendPath("%020d.json".formatted(version));
    }

    public static Location checkpoint(TableStorage table, long version)
    {
        return table.deltaLog().appendPath("%020d.checkpoint.parquet".formatted(version));
    }

    /** The location of an add action's file: its path is a URI, relative to the table root unless absolute. */
    public static Location dataFile(Location tableRoot, String path)
    {
        URI uri = URI.create(path);
        return uri.getScheme() == null ? tableRoot.appendPath(uri.getPath()) : Location.of(path);
    }

    public static Location lastCheckpoint(TableStorage table)
    {
        return table.deltaLog().appendPath("_last_checkpoint");
    }

    /** What a file of {@code _delta_log/} is, by its name; empty for names no version is part of (_last_checkpoint, temporary files). */
    public static Optional<VersionedFile> parse(String fileName)
    {
        Matcher commit = COMMIT.matcher(fileName);
        if (commit.matches()) {
            return Optional.of(new VersionedFile(Long.parseLong(commit.group(1)), Kind.COMMIT));
        }
        Matcher checkpoint = SINGLE_PART_CHECKPOINT.matcher(fileName);
        if (checkpoint.matches()) {
            return Optional.of(new VersionedFile(Long.parseLong(checkpoint.group(1)), Kind.SINGLE_PART_CHECKPOINT));
        }
        Matcher other = OTHER_VERSIONED_FILE.matcher(fileName);
        if (other.matches()) {
            return Optional.of(new VersionedFile(Long.parseLong(other.group(1)), Kind.OTHER));
        }
        return Optional.empty();
    }

    /** The version of a single-part checkpoint file name, if it is one. */
    static OptionalLong checkpointVersion(String fileName)
    {
        return parse(fileName)
                .filter(file -> file.kind() == Kind.SINGLE_PART_CHECKPOINT)
                .map(file -> OptionalLong.of(file.version()))
                .orElse(OptionalLong.empty());
    }
}
