package io.timefusion.trino.security;

import io.timefusion.contract.AdminCredentials;
import io.timefusion.trino.TimeFusionTransactionHandle;
import io.trino.spi.QueryId;
import io.trino.spi.connector.ConnectorSecurityContext;
import io.trino.spi.connector.SchemaRoutineName;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.security.AccessDeniedException;
import io.trino.spi.security.ConnectorIdentity;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule itself, for procedures the connector may declare in any class (the gateway's announce calls among them). */
class TestTimeFusionAccessControl
{
    private static final String SECRET = "unit-test-admin-secret-0123";
    private static final TimeFusionAccessControl RULE = new TimeFusionAccessControl(new AdminPrincipal("timefusion-admin", Optional.of(SECRET)));

    @Test
    void everyProcedureOfTheConnectorIsTheAdminsWhateverItsName()
    {
        for (String name : new String[] {"register_project", "unregister_project", "announce_gateway", "retire_gateway", "a_procedure_added_later"}) {
            SchemaRoutineName procedure = new SchemaRoutineName("system", name);
            assertThatThrownBy(() -> RULE.checkCanExecuteProcedure(context(ConnectorIdentity.ofUser("postgres")), procedure))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> RULE.checkCanExecuteProcedure(context(ConnectorIdentity.ofUser("timefusion-admin")), procedure))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatCode(() -> RULE.checkCanExecuteProcedure(context(admin(SECRET)), procedure)).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> RULE.checkCanExecuteTableProcedure(context(ConnectorIdentity.ofUser("postgres")), new SchemaTableName("public", "otel_logs_and_spans"), "optimize"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSecretThatOnlyStartsRightIsWrong()
    {
        assertThatThrownBy(() -> RULE.checkCanExecuteProcedure(context(admin(SECRET.substring(0, 10))), new SchemaRoutineName("system", "register_project")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> RULE.checkCanExecuteProcedure(context(admin(SECRET + "x")), new SchemaRoutineName("system", "register_project")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void otherTablesAndColumnsStayOpenToEveryone()
    {
        assertThatCode(() -> RULE.checkCanSelectFromColumns(context(ConnectorIdentity.ofUser("postgres")), new SchemaTableName("public", "otel_logs_and_spans"), Set.of("id")))
                .doesNotThrowAnyException();
        assertThatCode(() -> RULE.checkCanInsertIntoTable(context(ConnectorIdentity.ofUser("postgres")), new SchemaTableName("public", "otel_logs_and_spans")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> RULE.checkCanSelectFromColumns(context(ConnectorIdentity.ofUser("postgres")), new SchemaTableName("system", "projects"), Set.of("project_id")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withoutASecretConfiguredTheUserNameDecides()
    {
        TimeFusionAccessControl nameOnly = new TimeFusionAccessControl(new AdminPrincipal("timefusion-admin", Optional.empty()));
        assertThatCode(() -> nameOnly.checkCanExecuteProcedure(context(ConnectorIdentity.ofUser("timefusion-admin")), new SchemaRoutineName("system", "register_project")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> nameOnly.checkCanExecuteProcedure(context(ConnectorIdentity.ofUser("postgres")), new SchemaRoutineName("system", "register_project")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static ConnectorIdentity admin(String secret)
    {
        return ConnectorIdentity.forUser("timefusion-admin").withExtraCredentials(Map.of(AdminCredentials.ADMIN_SECRET_CREDENTIAL, secret)).build();
    }

    private static ConnectorSecurityContext context(ConnectorIdentity identity)
    {
        return new ConnectorSecurityContext(TimeFusionTransactionHandle.INSTANCE, identity, QueryId.valueOf("test"));
    }
}
