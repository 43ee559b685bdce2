package io.timefusion.trino.delta;

import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoInputFile;
import io.trino.filesystem.local.LocalFileSystem;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The local filesystem, remembering the name of every file opened for reading: what opening a table costs. */
final class RecordingFileSystem
        extends LocalFileSystem
{
    private final List<String> opened = new ArrayList<>();

    RecordingFileSystem(Path root)
    {
        super(root);
    }

    @Override
    public TrinoInputFile newInputFile(Location location)
    {
        opened.add(location.fileName());
        return super.newInputFile(location);
    }

    @Override
    public TrinoInputFile newInputFile(Location location, long length)
    {
        opened.add(location.fileName());
        return super.newInputFile(location, length);
    }

    @Override
    public TrinoInputFile newInputFile(Location location, long length, Instant lastModified)
    {
        opened.add(location.fileName());
        return super.newInputFile(location, length, lastModified);
    }

    List<String> opened()
    {
        return List.copyOf(opened);
    }
}
