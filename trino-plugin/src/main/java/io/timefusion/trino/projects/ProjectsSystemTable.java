package io.timefusion.trino.projects;

import com.google.inject.Inject;
import io.timefusion.contract.SystemSchema;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.InMemoryRecordSet;
import io.trino.spi.connector.RecordCursor;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SystemTable;
import io.trino.spi.predicate.TupleDomain;

import java.util.Comparator;
import java.util.List;

import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/** {@code timefusion.system.projects}: the registered projects, without their secrets. */
public class ProjectsSystemTable
        implements SystemTable
{
    private static final ConnectorTableMetadata METADATA = new ConnectorTableMetadata(
            new SchemaTableName(SystemSchema.NAME, SystemSchema.PROJECTS_TABLE),
            List.of(
                    new ColumnMetadata("project_id", VARCHAR),
                    new ColumnMetadata("bucket", VARCHAR),
                    new ColumnMetadata("prefix", VARCHAR),
                    new ColumnMetadata("endpoint", VARCHAR),
                    new ColumnMetadata("region", VARCHAR),
                    new ColumnMetadata("access_key", VARCHAR),
                    new ColumnMetadata("path_style", BOOLEAN)));

    private final ProjectRegistry registry;

    @Inject
    public ProjectsSystemTable(ProjectRegistry registry)
    {
        this.registry = requireNonNull(registry, "registry is null");
    }

    @Override
    public Distribution getDistribution()
    {
        return Distribution.SINGLE_COORDINATOR;
    }

    @Override
    public ConnectorTableMetadata getTableMetadata()
    {
        return METADATA;
    }

    @Override
    public RecordCursor cursor(ConnectorTransactionHandle transaction, ConnectorSession session, TupleDomain<Integer> constraint)
    {
        InMemoryRecordSet.Builder rows = InMemoryRecordSet.builder(METADATA);
        registry.allRegistered().values().stream()
                .sorted(Comparator.comparing(Project::projectId))
                .forEach(project -> rows.addRow(project.projectId(), project.bucket(), project.prefix(), project.endpoint(), project.region(), project.accessKey(), project.pathStyleAccess()));
        return rows.build().cursor();
    }
}
