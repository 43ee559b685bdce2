package io.timefusion.trino.projects;

import com.google.common.collect.ImmutableSet;
import com.google.inject.Inject;
import io.timefusion.contract.ProjectRegistrationProblems;
import io.timefusion.contract.SystemSchema;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.Location;
import io.trino.filesystem.TrinoFileSystem;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.procedure.Procedure;
import io.trino.spi.procedure.Procedure.Argument;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.timefusion.contract.AdminCredentials.SECRET_KEY_CREDENTIAL;
import static io.timefusion.contract.SystemSchema.REGISTER_PROJECT;
import static io.timefusion.contract.SystemSchema.UNREGISTER_PROJECT;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_INVALID_PROJECT_REGISTRATION;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_PROJECT_ERROR;
import static io.timefusion.trino.storage.StorageErrors.storageError;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * {@code CALL timefusion.system.register_project(…)} and {@code unregister_project(project_id)}: how an admin brings a
 * customer's bucket in. A registration is validated and then probed (a write, a list and a delete in the bucket
 * with the given credentials) before it is stored, so a project never points at a bucket it cannot use.
 */
public class ProjectProcedures
{
    private static final MethodHandle REGISTER;
    private static final MethodHandle UNREGISTER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            REGISTER = lookup.findVirtual(ProjectProcedures.class, "register", MethodType.methodType(void.class,
                    ConnectorSession.class, String.class, String.class, String.class, String.class, String.class, String.class, String.class, Boolean.class));
            UNREGISTER = lookup.findVirtual(ProjectProcedures.class, "unregister", MethodType.methodType(void.class, String.class));
        }
        catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ProjectRegistry registry;
    private final FileSystems fileSystems;
    private final String defaultEndpoint;
    private final String defaultRegion;
    private final String defaultPrefix;

    @Inject
    public ProjectProcedures(ProjectRegistry registry, FileSystems fileSystems, TimeFusionConfig config)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.defaultEndpoint = config.getS3Endpoint();
        this.defaultRegion = config.getS3Region();
        this.defaultPrefix = config.getTablePrefix();
    }

    public Set<Procedure> procedures()
    {
        return ImmutableSet.of(
                new Procedure(SystemSchema.NAME, REGISTER_PROJECT, List.of(
                        new Argument("PROJECT_ID", VARCHAR),
                        new Argument("BUCKET", VARCHAR),
                        new Argument("ACCESS_KEY", VARCHAR),
                        new Argument("SECRET_KEY", VARCHAR, false, null),
                        new Argument("ENDPOINT", VARCHAR, false, null),
                        new Argument("REGION", VARCHAR, false, null),
                        new Argument("PREFIX", VARCHAR, false, null),
                        new Argument("PATH_STYLE", BOOLEAN, false, null)),
                        REGISTER.bindTo(this)),
                new Procedure(SystemSchema.NAME, UNREGISTER_PROJECT, List.of(new Argument("PROJECT_ID", VARCHAR)), UNREGISTER.bindTo(this)));
    }

    public void register(ConnectorSession session, String projectId, String bucket, String accessKey, String secretKeyArgument, String endpoint, String region, String prefix, Boolean pathStyle)
    {
        String secretKey = secretKeyArgument != null ? secretKeyArgument : secretFromExtraCredential(session);
        List<String> problems = ProjectValidation.problems(projectId, bucket, accessKey, secretKey, endpoint, prefix);
        if (!problems.isEmpty()) {
            throw new TrinoException(TIMEFUSION_INVALID_PROJECT_REGISTRATION, ProjectRegistrationProblems.message(problems));
        }
        Project project = new Project(projectId, bucket, prefix == null ? defaultPrefix : prefix, endpoint == null ? defaultEndpoint : endpoint,
                region == null ? defaultRegion : region, accessKey, secretKey, pathStyle != null && pathStyle);
        probe(project);
        registry.save(project);
    }

    /**
     * The secret as an extra credential (base64) instead of the SECRET_KEY argument: it stays out of the statement text
     * and so out of Trino's query history; the gateway registers projects this way.
     */
    private static String secretFromExtraCredential(ConnectorSession session)
    {
        String encoded = session.getIdentity().getExtraCredentials().get(SECRET_KEY_CREDENTIAL);
        if (encoded == null) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            throw new TrinoException(TIMEFUSION_PROJECT_ERROR, "The extra credential " + SECRET_KEY_CREDENTIAL + " must be base64");
        }
    }

    public void unregister(String projectId)
    {
        registry.unregister(projectId);
    }

    private void probe(Project project)
    {
        TableStorage table = ProjectTables.storageOf(project);
        TrinoFileSystem fileSystem = fileSystems.fileSystem(table.backend());
        Location probeDirectory = DefaultTableStorage.withPrefix(Location.of("s3://" + project.bucket() + "/"), project.prefix()).appendPath("_timefusion_probe");
        Location probe = probeDirectory.appendPath(UUID.randomUUID().toString());
        try {
            fileSystem.newOutputFile(probe).createOrOverwrite("TimeFusion registration probe".getBytes(StandardCharsets.UTF_8));
            fileSystem.listFiles(probeDirectory).hasNext();
            fileSystem.deleteFile(probe);
        }
        catch (IOException | RuntimeException e) {
            throw storageError("reach the bucket of project " + project.projectId(), probe, e);
        }
    }
}
