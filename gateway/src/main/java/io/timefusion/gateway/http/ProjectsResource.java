package io.timefusion.gateway.http;

import com.google.inject.Inject;
import io.timefusion.contract.ProjectRegistrationProblems;
import io.timefusion.gateway.cache.QueryResultCache;
import io.timefusion.gateway.sql.TranslatedStatement.Writes;
import io.timefusion.gateway.trino.PgError;
import io.timefusion.gateway.trino.ProjectAdmin;
import io.timefusion.gateway.trino.ProjectAdmin.ProjectView;
import io.timefusion.gateway.trino.ProjectAdmin.Registration;
import io.timefusion.gateway.trino.TrinoErrors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.timefusion.contract.ConnectorErrorCode.TIMEFUSION_INVALID_PROJECT_REGISTRATION;
import static io.timefusion.contract.ConnectorErrorCode.TIMEFUSION_PROJECT_ERROR;
import static io.timefusion.contract.ConnectorErrorCode.TIMEFUSION_STORAGE_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * Bring-your-own-bucket administration: {@code POST /register_project}, {@code GET /projects},
 * {@code GET /projects/{id}}, {@code DELETE /projects/{id}}, behind the admin token. Answers never contain a secret key.
 */
@Path("/")
@AdminOnly
public class ProjectsResource
{
    private static final int UNPROCESSABLE_ENTITY = 422;
    // the connector's rules (ProjectValidation) judge the content; lengths are checked here, before Trino sees anything
    private static final int MAX_PROJECT_ID = 128;

    private final ProjectAdmin projects;
    private final QueryResultCache cache;

    @Inject
    public ProjectsResource(ProjectAdmin projects, QueryResultCache cache)
    {
        this.projects = requireNonNull(projects, "projects is null");
        this.cache = requireNonNull(cache, "cache is null");
    }

    @POST
    @Path("register_project")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(Map<String, Object> body)
    {
        List<String> problems = new ArrayList<>();
        Map<String, Object> fields = body == null ? Map.of() : body;
        String projectId = requiredText(fields, "project_id", MAX_PROJECT_ID, problems);
        String bucket = requiredText(fields, "bucket", 63, problems);
        String accessKey = requiredText(fields, "access_key", 128, problems);
        String secretKey = requiredText(fields, "secret_key", 128, problems);
        String endpoint = optionalText(fields, "endpoint", 2048, problems);
        String region = optionalText(fields, "region", 64, problems);
        String prefix = optionalText(fields, "prefix", 512, problems);
        Object pathStyle = fields.get("path_style");
        if (pathStyle != null && !(pathStyle instanceof Boolean)) {
            problems.add("path_style: true or false");
        }
        if (!problems.isEmpty()) {
            return JsonResponses.invalid(problems);
        }
        try {
            projects.register(new Registration(projectId, bucket, accessKey, secretKey, endpoint, region, prefix, (Boolean) pathStyle));
            // the project's rows now come from another table: no cached result may answer for it
            cache.invalidate(new Writes.Unknown());
            return Response.status(Response.Status.CREATED).entity(view(projects.get(projectId).orElseThrow())).build();
        }
        catch (SQLException e) {
            return failure(e);
        }
    }

    @GET
    @Path("projects")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list()
    {
        try {
            return Response.ok(Map.of("projects", projects.list().stream().map(ProjectsResource::view).toList())).build();
        }
        catch (SQLException e) {
            return failure(e);
        }
    }

    @GET
    @Path("projects/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String projectId)
    {
        Optional<Response> invalid = invalidProjectId(projectId);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        try {
            return projects.get(projectId)
                    .map(project -> Response.ok(view(project)).build())
                    .orElseGet(() -> JsonResponses.error(Response.Status.NOT_FOUND, "project %s is not registered".formatted(projectId)));
        }
        catch (SQLException e) {
            return failure(e);
        }
    }

    @DELETE
    @Path("projects/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("id") String projectId)
    {
        Optional<Response> invalid = invalidProjectId(projectId);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        try {
            if (projects.get(projectId).isEmpty()) {
                return JsonResponses.error(Response.Status.NOT_FOUND, "project %s is not registered".formatted(projectId));
            }
            projects.unregister(projectId);
            cache.invalidate(new Writes.Unknown());
            return Response.noContent().build();
        }
        catch (SQLException e) {
            return failure(e);
        }
    }

    private static Response failure(SQLException e)
    {
        PgError error = TrinoErrors.toPgError(e);
        if (e.getErrorCode() == TIMEFUSION_INVALID_PROJECT_REGISTRATION.code()) {
            return JsonResponses.invalid(ProjectRegistrationProblems.problems(error.message()));
        }
        if (e.getErrorCode() == TIMEFUSION_STORAGE_ERROR.code()) {
            return JsonResponses.error(UNPROCESSABLE_ENTITY, error.message());
        }
        if (e.getErrorCode() == TIMEFUSION_PROJECT_ERROR.code()) {
            return JsonResponses.error(Response.Status.CONFLICT, error.message());
        }
        return JsonResponses.error(Response.Status.BAD_GATEWAY, "Trino failed: " + error.message());
    }

    private static Map<String, Object> view(ProjectView project)
    {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("project_id", project.projectId());
        view.put("bucket", project.bucket());
        view.put("prefix", project.prefix());
        view.put("endpoint", project.endpoint());
        view.put("region", project.region());
        view.put("access_key", project.accessKey());
        view.put("path_style", project.pathStyle());
        return view;
    }

    private static String requiredText(Map<String, Object> fields, String name, int maxLength, List<String> problems)
    {
        Object value = fields.get(name);
        if (!(value instanceof String text) || text.isEmpty()) {
            problems.add(name + ": required text");
            return null;
        }
        return withinLength(name, text, maxLength, problems);
    }

    private static String optionalText(Map<String, Object> fields, String name, int maxLength, List<String> problems)
    {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            problems.add(name + ": text");
            return null;
        }
        return value == null ? null : withinLength(name, (String) value, maxLength, problems);
    }

    private static String withinLength(String name, String text, int maxLength, List<String> problems)
    {
        if (text.length() > maxLength) {
            problems.add("%s: at most %d characters".formatted(name, maxLength));
            return null;
        }
        return text;
    }

    /** A project id from a path: too long to be one is a bad request, not a question for Trino. */
    private static Optional<Response> invalidProjectId(String projectId)
    {
        return projectId.length() > MAX_PROJECT_ID
                ? Optional.of(JsonResponses.error(Response.Status.BAD_REQUEST, "project_id: at most %d characters".formatted(MAX_PROJECT_ID)))
                : Optional.empty();
    }
}
