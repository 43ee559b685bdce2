package io.timefusion.trino.projects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.common.collect.ImmutableMap;
import com.google.inject.Inject;
import io.airlift.log.Logger;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaJson;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.FileEntry;
import io.trino.filesystem.FileIterator;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;
import io.trino.spi.TrinoException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_CORRUPT_DELTA_LOG;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_PROJECT_ERROR;
import static io.timefusion.trino.storage.StorageErrors.storageError;
import static java.util.Objects.requireNonNull;

/**
 * The registered projects, kept as one JSON record per project under {@code {prefix}/_projects/} in the default
 * storage, where every Trino node reads them. Each node keeps the list for at most the refresh interval; the node
 * that changes a project sees the change at once.
 */
public class ProjectRegistry
{
    private static final Logger log = Logger.get(ProjectRegistry.class);

    private final FileSystems fileSystems;
    private final TableStorage defaultTable;
    private final Location directory;
    private final SecretCipher cipher;
    private final long refreshNanos;
    private volatile Loaded loaded;

    private record Loaded(Map<String, ProjectRecord> records, long loadedAt) {}

    @Inject
    public ProjectRegistry(FileSystems fileSystems, DefaultTableStorage defaultTable, TimeFusionConfig config)
    {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.defaultTable = defaultTable.get();
        this.directory = this.defaultTable.tableRoot().parentDirectory().appendPath("_projects");
        this.cipher = new SecretCipher(config.getSecretsKey(), "project", TIMEFUSION_PROJECT_ERROR);
        this.refreshNanos = config.getProjectsRefreshInterval().roundTo(TimeUnit.NANOSECONDS);
    }

    /** The project if it is registered now. */
    public Optional<Project> registered(String projectId)
    {
        ProjectRecord record = records().get(projectId);
        return record == null || !record.registered() ? Optional.empty() : Optional.of(toProject(record));
    }

    /** Whether the project was registered once and then unregistered. */
    public boolean wasUnregistered(String projectId)
    {
        ProjectRecord record = records().get(projectId);
        return record != null && !record.registered();
    }

    public Map<String, Project> allRegistered()
    {
        ImmutableMap.Builder<String, Project> projects = ImmutableMap.builder();
        records().values().stream().filter(ProjectRecord::registered).forEach(record -> projects.put(record.projectId(), toProject(record)));
        return projects.buildOrThrow();
    }

    /** Stores (or replaces: rotating credentials) a project; the caller has validated and probed it. */
    public void save(Project project)
    {
        ProjectRecord record = new ProjectRecord(project.projectId(), true, project.bucket(), project.prefix(), project.endpoint(), project.region(),
                project.accessKey(), cipher.encrypt(project.projectId(), project.secretKey()), project.pathStyleAccess(), System.currentTimeMillis());
        write(record);
        // an audit trail of who owns which bucket; Project.toString leaves the secret out
        log.info("Registered %s", project);
    }

    public void unregister(String projectId)
    {
        if (registered(projectId).isEmpty()) {
            throw new TrinoException(TIMEFUSION_PROJECT_ERROR, "Project %s is not registered".formatted(projectId));
        }
        write(ProjectRecord.unregistered(projectId, System.currentTimeMillis()));
        log.info("Unregistered project %s; its data stays in its bucket", projectId);
    }

    private void write(ProjectRecord record)
    {
        Location location = directory.appendPath(record.projectId() + ".json");
        try {
            fileSystems.overwrite(defaultTable.backend(), location, DeltaJson.toJson(record).getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw storageError("store project " + record.projectId(), location, e);
        }
        loaded = null;
    }

    private Project toProject(ProjectRecord record)
    {
        return new Project(record.projectId(), record.bucket(), record.prefix(), record.endpoint(), record.region(), record.accessKey(),
                cipher.decrypt(record.projectId(), record.encryptedSecretKey()), record.pathStyleAccess());
    }

    private Map<String, ProjectRecord> records()
    {
        Loaded current = loaded;
        if (current == null || System.nanoTime() - current.loadedAt() > refreshNanos) {
            current = new Loaded(load(), System.nanoTime());
            loaded = current;
        }
        return current.records();
    }

    private Map<String, ProjectRecord> load()
    {
        TrinoFileSystem fileSystem = fileSystems.fileSystem(defaultTable.backend());
        ImmutableMap.Builder<String, ProjectRecord> records = ImmutableMap.builder();
        try {
            FileIterator files = fileSystem.listFiles(directory);
            while (files.hasNext()) {
                FileEntry file = files.next();
                if (file.location().fileName().endsWith(".json")) {
                    ProjectRecord record = read(fileSystem, file.location());
                    records.put(record.projectId(), record);
                }
            }
        }
        catch (IOException e) {
            throw storageError("list registered projects", directory, e);
        }
        return records.buildKeepingLast();
    }

    private static ProjectRecord read(TrinoFileSystem fileSystem, Location location)
            throws IOException
    {
        try (InputStream input = fileSystem.newInputFile(location).newStream()) {
            return DeltaJson.fromJson(new String(input.readAllBytes(), StandardCharsets.UTF_8), ProjectRecord.class);
        }
        catch (JsonProcessingException e) {
            throw new TrinoException(TIMEFUSION_CORRUPT_DELTA_LOG, "Project record %s is corrupt: %s".formatted(location, e.getOriginalMessage()));
        }
    }
}
