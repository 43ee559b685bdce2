package io.timefusion.trino.security;

import com.google.inject.Inject;
import io.timefusion.contract.SystemSchema;
import io.trino.plugin.base.security.AllowAllAccessControl;
import io.trino.plugin.base.security.ForwardingConnectorAccessControl;
import io.trino.spi.connector.ConnectorAccessControl;
import io.trino.spi.connector.ConnectorSecurityContext;
import io.trino.spi.connector.SchemaRoutineName;
import io.trino.spi.connector.SchemaTableName;

import java.util.Set;

import static io.trino.spi.security.AccessDeniedException.denyExecuteProcedure;
import static io.trino.spi.security.AccessDeniedException.denyExecuteTableProcedure;
import static io.trino.spi.security.AccessDeniedException.denySelectTable;
import static java.util.Objects.requireNonNull;

/**
 * The connector's access-control rule: every procedure ({@code CALL timefusion.system.…}, whichever class declares
 * it) and the project list {@code system.projects} (buckets, endpoints and access keys of every customer) belong to
 * the {@link AdminPrincipal}; everything else is left to Trino's system access control.
 */
public class TimeFusionAccessControl
        extends ForwardingConnectorAccessControl
{
    private static final ConnectorAccessControl ALLOW_ALL = new AllowAllAccessControl();
    private static final SchemaTableName PROJECTS_TABLE = new SchemaTableName(SystemSchema.NAME, SystemSchema.PROJECTS_TABLE);
    // the denial does not name the principal: with name-only trust that would say whom to impersonate
    private static final String ADMIN_ONLY = "the connector's procedures and project list are for the TimeFusion admin principal only";

    private final AdminPrincipal admin;

    @Inject
    public TimeFusionAccessControl(AdminPrincipal admin)
    {
        this.admin = requireNonNull(admin, "admin is null");
    }

    @Override
    protected ConnectorAccessControl delegate()
    {
        return ALLOW_ALL;
    }

    @Override
    public void checkCanExecuteProcedure(ConnectorSecurityContext context, SchemaRoutineName procedure)
    {
        if (!admin.isAdmin(context.getIdentity())) {
            denyExecuteProcedure(procedure.toString(), ADMIN_ONLY);
        }
    }

    @Override
    public void checkCanExecuteTableProcedure(ConnectorSecurityContext context, SchemaTableName table, String procedure)
    {
        if (!admin.isAdmin(context.getIdentity())) {
            denyExecuteTableProcedure(table.toString(), procedure);
        }
    }

    @Override
    public void checkCanSelectFromColumns(ConnectorSecurityContext context, SchemaTableName table, Set<String> columns)
    {
        if (table.equals(PROJECTS_TABLE) && !admin.isAdmin(context.getIdentity())) {
            denySelectTable(table.toString(), ADMIN_ONLY);
        }
    }
}
