package io.timefusion.trino.projects;

import com.google.common.collect.ImmutableList;
import com.google.inject.Inject;
import io.airlift.slice.Slice;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.StorageBackend;
import io.timefusion.trino.storage.TableStorage;
import io.timefusion.trino.write.PartitionKey;
import io.trino.filesystem.Location;
import io.trino.spi.TrinoException;
import io.trino.spi.predicate.Domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_PROJECT_ERROR;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.DATE_COLUMN;
import static io.timefusion.trino.metadata.OtelLogsAndSpansTable.PROJECT_ID;
import static java.util.Objects.requireNonNull;

/**
 * Which Delta table holds a project's rows: its own table in its own bucket when it is registered, the default
 * table otherwise. Tables are named by a key that travels in splits and fragments: the project id of a registered
 * project, or the empty string for the default table.
 */
public class ProjectTables
{
    public static final String DEFAULT_TABLE = "";

    private final ProjectRegistry registry;
    private final TableStorage defaultTable;

    /** A table to scan, and for the default table the projects whose rows it must not return (they live elsewhere). */
    public record ReadTable(String key, TableStorage storage, Set<String> excludedProjects)
    {
        /**
         * The partition of one of the table's files whose rows this table answers for: empty for a file without
         * project_id and date (another writer's) and for a project registered with a table of its own.
         */
        public Optional<PartitionKey> partitionOf(AddFile file)
        {
            String projectId = file.partitionValues().get(PROJECT_ID);
            String date = file.partitionValues().get(DATE_COLUMN);
            if (projectId == null || date == null || excludedProjects.contains(projectId)) {
                return Optional.empty();
            }
            return Optional.of(new PartitionKey(projectId, LocalDate.parse(date).toEpochDay()));
        }
    }

    @Inject
    public ProjectTables(ProjectRegistry registry, DefaultTableStorage defaultTable)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.defaultTable = defaultTable.get();
    }

    /** The key of the table a project's new rows go to. */
    public String keyForWrite(String projectId)
    {
        failIfUnregistered(projectId);
        return registry.registered(projectId).isPresent() ? projectId : DEFAULT_TABLE;
    }

    public TableStorage byKey(String key)
    {
        if (key.equals(DEFAULT_TABLE)) {
            return defaultTable;
        }
        Project project = registry.registered(key).orElseThrow(() -> new TrinoException(TIMEFUSION_PROJECT_ERROR,
                "Project %s is no longer registered; its data stays in its bucket".formatted(key)));
        return storageOf(project);
    }

    /** The tables a query with this project_id predicate must read. */
    public List<ReadTable> forRead(Optional<Domain> projectDomain)
    {
        Set<String> registered = registry.allRegistered().keySet();
        ImmutableList.Builder<ReadTable> tables = ImmutableList.builder();
        if (projectDomain.isPresent() && projectDomain.get().getValues().isDiscreteSet()) {
            boolean anyUnregisteredProject = false;
            for (Object value : projectDomain.get().getValues().getDiscreteSet()) {
                String projectId = ((Slice) value).toStringUtf8();
                failIfUnregistered(projectId);
                if (registered.contains(projectId)) {
                    tables.add(new ReadTable(projectId, byKey(projectId), Set.of()));
                }
                else {
                    anyUnregisteredProject = true;
                }
            }
            if (anyUnregisteredProject) {
                tables.add(new ReadTable(DEFAULT_TABLE, defaultTable, registered));
            }
            return tables.build();
        }
        tables.add(new ReadTable(DEFAULT_TABLE, defaultTable, registered));
        registered.forEach(projectId -> tables.add(new ReadTable(projectId, byKey(projectId), Set.of())));
        return tables.build();
    }

    private void failIfUnregistered(String projectId)
    {
        if (registry.wasUnregistered(projectId)) {
            throw new TrinoException(TIMEFUSION_PROJECT_ERROR,
                    "Project %s was unregistered; its data stays in its own bucket, register it again to read or write it".formatted(projectId));
        }
    }

    public static TableStorage storageOf(Project project)
    {
        Location root = DefaultTableStorage.withPrefix(Location.of("s3://" + project.bucket() + "/"), project.prefix());
        return new TableStorage(root.appendPath(OtelLogsAndSpansTable.TABLE), new StorageBackend.S3(project.credentials()));
    }
}
