package io.timefusion.gateway.trino;

import com.google.inject.Inject;
import io.timefusion.contract.SystemSchema;
import io.timefusion.gateway.GatewayConfig;
import io.timefusion.gateway.sql.SqlLiterals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.timefusion.contract.AdminCredentials.SECRET_KEY_CREDENTIAL;
import static io.timefusion.contract.SystemSchema.PROJECTS_TABLE;
import static io.timefusion.contract.SystemSchema.REGISTER_PROJECT;
import static io.timefusion.contract.SystemSchema.UNREGISTER_PROJECT;
import static java.util.Objects.requireNonNull;

/**
 * Project administration through Trino: the connector's procedures and its system.projects table, as the admin
 * principal ({@link TrinoSessions#openAdmin}). The gateway stores no credentials; a secret travels once, as a Trino
 * extra credential, so it never appears in statement text or in Trino's query history.
 */
public class ProjectAdmin
{
    private final TrinoSessions sessions;
    private final String catalog;

    @Inject
    public ProjectAdmin(TrinoSessions sessions, GatewayConfig config)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.catalog = config.getTrinoCatalog();
    }

    public record ProjectView(String projectId, String bucket, String prefix, String endpoint, String region, String accessKey, boolean pathStyle) {}

    public record Registration(String projectId, String bucket, String accessKey, String secretKey, String endpoint, String region, String prefix, Boolean pathStyle) {}

    public void register(Registration registration)
            throws SQLException
    {
        String secretKey = Base64.getEncoder().encodeToString(registration.secretKey().getBytes(StandardCharsets.UTF_8));
        // CALL takes no bound parameters in Trino; nothing secret is in this text
        String call = "CALL %s.%s.%s(project_id => %s, bucket => %s, access_key => %s, endpoint => %s, region => %s, prefix => %s, path_style => %s)".formatted(
                catalog, SystemSchema.NAME, REGISTER_PROJECT, literal(registration.projectId()), literal(registration.bucket()), literal(registration.accessKey()), literal(registration.endpoint()),
                literal(registration.region()), literal(registration.prefix()), registration.pathStyle() == null ? "NULL" : registration.pathStyle().toString());
        try (Connection connection = sessions.openAdmin(Map.of(SECRET_KEY_CREDENTIAL, secretKey));
                Statement statement = connection.createStatement()) {
            statement.execute(call);
        }
    }

    public void unregister(String projectId)
            throws SQLException
    {
        try (Connection connection = sessions.openAdmin(Map.of());
                Statement statement = connection.createStatement()) {
            statement.execute("CALL %s.%s.%s(%s)".formatted(catalog, SystemSchema.NAME, UNREGISTER_PROJECT, literal(projectId)));
        }
    }

    private static String literal(String value)
    {
        return value == null ? "NULL" : SqlLiterals.string(value);
    }

    public List<ProjectView> list()
            throws SQLException
    {
        List<ProjectView> projects = new ArrayList<>();
        try (Connection connection = sessions.openAdmin(Map.of());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT project_id, bucket, prefix, endpoint, region, access_key, path_style FROM %s.%s.%s ORDER BY project_id"
                        .formatted(catalog, SystemSchema.NAME, PROJECTS_TABLE))) {
            while (rows.next()) {
                projects.add(new ProjectView(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getBoolean(7)));
            }
        }
        return projects;
    }

    public Optional<ProjectView> get(String projectId)
            throws SQLException
    {
        return list().stream().filter(project -> project.projectId().equals(projectId)).findFirst();
    }
}
