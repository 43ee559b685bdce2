package io.timefusion.trino;

import com.google.common.collect.ImmutableMap;
import io.timefusion.contract.AdminCredentials;
import io.timefusion.testing.S3ProxyExtension;
import io.timefusion.testing.S3ProxyServer;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.Session;
import io.trino.spi.security.Identity;
import io.trino.testing.DistributedQueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bring-your-own-bucket: projects registered with buckets in two customer accounts (two s3proxy processes) beside
 * the default storage account. Each case uses projects and catalogs of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestProjects
{
    @RegisterExtension
    static final S3ProxyExtension DEFAULT_ACCOUNT = new S3ProxyExtension();
    @RegisterExtension
    static final S3ProxyExtension CUSTOMER_1 = new S3ProxyExtension();
    @RegisterExtension
    static final S3ProxyExtension CUSTOMER_2 = new S3ProxyExtension();

    private static final String SECRETS_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String TABLE = "timefusion/otel_logs_and_spans/";

    private static final Session ADMIN = TimeFusionQueryRunner.adminSession();

    private final LogCapture logs = new LogCapture();
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder().build();
        // after the runner: it configures logging and replaces the root handlers
        logs.start();
    }

    @AfterAll
    void stopTrino()
    {
        queryRunner.close();
        logs.stop();
    }

    @Test
    void logsNeverContainASecret()
    {
        createCatalog("logging", "logging-default");
        CUSTOMER_1.server().createBucket("logging-a");
        register("logging", "logged", CUSTOMER_1.server(), "logging-a");
        queryRunner.execute("INSERT INTO logging.public.otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('l-1', 'logged', TIMESTAMP '2025-08-05 00:00:00 UTC', DATE '2025-08-05')");
        assertThatThrownBy(() -> register("logging", "refused", CUSTOMER_2.server(), "logging-a"));

        assertThat(logs.text()).contains("Registered Project[projectId=logged, bucket=logging-a")
                .doesNotContain(CUSTOMER_1.server().secretKey())
                .doesNotContain(CUSTOMER_2.server().secretKey())
                .doesNotContain(DEFAULT_ACCOUNT.server().secretKey());
    }

    private void createCatalog(String catalog, String defaultBucket)
    {
        DEFAULT_ACCOUNT.server().createBucket(defaultBucket);
        queryRunner.createCatalog(catalog, "timefusion", ImmutableMap.<String, String>builder()
                .putAll(TimeFusionQueryRunner.s3Properties(DEFAULT_ACCOUNT.server(), defaultBucket))
                .put("timefusion.secrets-key", SECRETS_KEY)
                .putAll(TimeFusionQueryRunner.adminProperties())
                .buildOrThrow());
    }

    private void register(String catalog, String projectId, S3ProxyServer account, String bucket)
    {
        queryRunner.execute(ADMIN, "CALL %s.system.register_project(project_id => '%s', bucket => '%s', access_key => '%s', secret_key => '%s', endpoint => '%s', path_style => true)"
                .formatted(catalog, projectId, bucket, account.accessKey(), account.secretKey(), account.endpoint()));
    }

    @Test
    void oneInsertPutsEachProjectsRowsInExactlyItsOwnBucket()
    {
        createCatalog("routing", "routing-default");
        CUSTOMER_1.server().createBucket("routing-a");
        CUSTOMER_2.server().createBucket("routing-b");
        register("routing", "project-a", CUSTOMER_1.server(), "routing-a");
        register("routing", "project-b", CUSTOMER_2.server(), "routing-b");

        queryRunner.execute("""
                INSERT INTO routing.public.otel_logs_and_spans (id, project_id, timestamp, date)
                VALUES ('a-1', 'project-a', TIMESTAMP '2025-08-01 00:00:00 UTC', DATE '2025-08-01'),
                       ('b-1', 'project-b', TIMESTAMP '2025-08-01 00:00:00 UTC', DATE '2025-08-01'),
                       ('c-1', 'project-c', TIMESTAMP '2025-08-01 00:00:00 UTC', DATE '2025-08-01')
                """);

        assertThat(dataFiles(CUSTOMER_1.server(), "routing-a")).allMatch(key -> key.startsWith(TABLE + "project_id=project-a/")).hasSize(1);
        assertThat(dataFiles(CUSTOMER_2.server(), "routing-b")).allMatch(key -> key.startsWith(TABLE + "project_id=project-b/")).hasSize(1);
        assertThat(dataFiles(DEFAULT_ACCOUNT.server(), "routing-default")).allMatch(key -> key.startsWith(TABLE + "project_id=project-c/")).hasSize(1);
        assertThat(queryRunner.execute("SELECT project_id, id FROM routing.public.otel_logs_and_spans ORDER BY id").getMaterializedRows())
                .extracting(row -> row.getField(0) + "/" + row.getField(1))
                .containsExactly("project-a/a-1", "project-b/b-1", "project-c/c-1");
        assertThat(queryRunner.execute("SELECT id FROM routing.public.otel_logs_and_spans WHERE project_id = 'project-b'").getOnlyColumnAsSet()).containsExactly("b-1");
        assertThat(queryRunner.execute("SELECT count(*) FROM routing.public.otel_logs_and_spans WHERE project_id IN ('project-a', 'project-c')").getOnlyValue()).isEqualTo(2L);
    }

    @Test
    void aRegistrationWhoseCredentialsCannotUseTheBucketIsRefusedWithTheS3Error()
    {
        createCatalog("probing", "probing-default");
        CUSTOMER_2.server().createBucket("probing-b");
        // customer 1's keys against customer 2's bucket: the probe write is refused
        assertThatThrownBy(() -> queryRunner.execute(ADMIN, "CALL probing.system.register_project('intruder', 'probing-b', '%s', '%s', '%s', NULL, NULL, true)"
                .formatted(CUSTOMER_1.server().accessKey(), CUSTOMER_1.server().secretKey(), CUSTOMER_2.server().endpoint())))
                .hasMessageContaining("bucket 'probing-b'")
                .hasMessageContaining("InvalidAccessKeyId")
                .hasMessageNotContaining(CUSTOMER_1.server().secretKey());
        assertThat(queryRunner.execute(ADMIN, "SELECT count(*) FROM probing.system.projects").getOnlyValue()).isEqualTo(0L);
    }

    @Test
    void invalidFieldsAreAllListed()
    {
        createCatalog("validating", "validating-default");
        assertThatThrownBy(() -> queryRunner.execute(ADMIN, "CALL validating.system.register_project('bad id!', 'Bad_Bucket', 'short', 'short', 'ftp://x')"))
                .hasMessageContaining("project_id:")
                .hasMessageContaining("bucket:")
                .hasMessageContaining("access_key:")
                .hasMessageContaining("secret_key:")
                .hasMessageContaining("endpoint:");
    }

    @Test
    void projectsSurviveARestartAndTheirSecretsAreNeverStoredOrShownInPlain()
            throws IOException
    {
        createCatalog("remembering", "remembering-default");
        CUSTOMER_1.server().createBucket("remembering-a");
        register("remembering", "kept", CUSTOMER_1.server(), "remembering-a");

        Path record = DEFAULT_ACCOUNT.server().bucketDirectory("remembering-default").resolve("timefusion/_projects/kept.json");
        assertThat(Files.readString(record)).contains("\"accessKey\":\"" + CUSTOMER_1.server().accessKey()).doesNotContain(CUSTOMER_1.server().secretKey());
        assertThat(queryRunner.execute(ADMIN, "SELECT * FROM remembering.system.projects").toString()).doesNotContain(CUSTOMER_1.server().secretKey());

        // a fresh connector on the same default storage: what a restarted cluster sees
        queryRunner.createCatalog("remembering_again", "timefusion", ImmutableMap.<String, String>builder()
                .putAll(TimeFusionQueryRunner.s3Properties(DEFAULT_ACCOUNT.server(), "remembering-default"))
                .put("timefusion.secrets-key", SECRETS_KEY)
                .putAll(TimeFusionQueryRunner.adminProperties())
                .buildOrThrow());
        assertThat(queryRunner.execute(ADMIN, "SELECT project_id, bucket FROM remembering_again.system.projects").getMaterializedRows())
                .extracting(row -> row.getField(0) + "@" + row.getField(1))
                .containsExactly("kept@remembering-a");
        queryRunner.execute("INSERT INTO remembering_again.public.otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('k-1', 'kept', TIMESTAMP '2025-08-02 00:00:00 UTC', DATE '2025-08-02')");
        assertThat(dataFiles(CUSTOMER_1.server(), "remembering-a")).hasSize(1);
    }

    @Test
    void reRegisteringMovesTheProjectToItsNewBucketAndCredentials()
    {
        createCatalog("rotating", "rotating-default");
        CUSTOMER_1.server().createBucket("rotating-old");
        CUSTOMER_2.server().createBucket("rotating-new");
        register("rotating", "moving", CUSTOMER_1.server(), "rotating-old");
        register("rotating", "moving", CUSTOMER_2.server(), "rotating-new");
        queryRunner.execute("INSERT INTO rotating.public.otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('m-1', 'moving', TIMESTAMP '2025-08-03 00:00:00 UTC', DATE '2025-08-03')");
        assertThat(dataFiles(CUSTOMER_2.server(), "rotating-new")).hasSize(1);
        assertThat(dataFiles(CUSTOMER_1.server(), "rotating-old")).isEmpty();
    }

    @Test
    void afterUnregisteringQueriesOnTheProjectFailAndItsDataStaysInItsBucket()
    {
        createCatalog("leaving", "leaving-default");
        CUSTOMER_1.server().createBucket("leaving-a");
        register("leaving", "gone", CUSTOMER_1.server(), "leaving-a");
        queryRunner.execute("INSERT INTO leaving.public.otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('g-1', 'gone', TIMESTAMP '2025-08-04 00:00:00 UTC', DATE '2025-08-04')");
        List<String> before = CUSTOMER_1.server().listObjectKeys("leaving-a");

        queryRunner.execute(ADMIN, "CALL leaving.system.unregister_project('gone')");

        assertThatThrownBy(() -> queryRunner.execute("SELECT count(*) FROM leaving.public.otel_logs_and_spans WHERE project_id = 'gone'"))
                .hasMessageContaining("Project gone was unregistered");
        assertThatThrownBy(() -> queryRunner.execute("INSERT INTO leaving.public.otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('g-2', 'gone', TIMESTAMP '2025-08-04 00:00:00 UTC', DATE '2025-08-04')"))
                .hasMessageContaining("Project gone was unregistered");
        assertThat(CUSTOMER_1.server().listObjectKeys("leaving-a")).isEqualTo(before);
    }

    @Test
    void onlyTheAdminPrincipalWithItsSecretRunsProceduresOrReadsTheProjectList()
    {
        createCatalog("guarded", "guarded-default");
        CUSTOMER_1.server().createBucket("guarded-a");
        register("guarded", "kept-safe", CUSTOMER_1.server(), "guarded-a");

        Session alice = sessionOf(Identity.ofUser("alice"));
        Session adminNameOnly = sessionOf(Identity.ofUser(TimeFusionQueryRunner.ADMIN_USER));
        Session wrongSecret = sessionOf(Identity.forUser(TimeFusionQueryRunner.ADMIN_USER)
                .withExtraCredentials(Map.of(AdminCredentials.ADMIN_SECRET_CREDENTIAL, "not-the-admin-secret-0123")).build());
        for (Session intruder : List.of(alice, adminNameOnly, wrongSecret)) {
            assertThatThrownBy(() -> queryRunner.execute(intruder, "CALL guarded.system.unregister_project('kept-safe')"))
                    .hasMessageContaining("Access Denied: Cannot execute procedure system.unregister_project")
                    .hasMessageNotContaining(TimeFusionQueryRunner.ADMIN_SECRET);
            assertThatThrownBy(() -> queryRunner.execute(intruder, "CALL guarded.system.register_project('kept-safe', 'elsewhere', 'AKIAINTRUDER01', 'intruder-secret-key-0123')"))
                    .hasMessageContaining("Access Denied: Cannot execute procedure system.register_project");
            assertThatThrownBy(() -> queryRunner.execute(intruder, "SELECT * FROM guarded.system.projects"))
                    .hasMessageContaining("Access Denied: Cannot select from table system.projects");
        }
        assertThat(queryRunner.execute(ADMIN, "SELECT project_id, bucket FROM guarded.system.projects").getMaterializedRows())
                .extracting(row -> row.getField(0) + "@" + row.getField(1))
                .containsExactly("kept-safe@guarded-a");
        // the project's data stays readable by everyone: only its administration is guarded
        queryRunner.execute(alice, "INSERT INTO guarded.public.otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('s-1', 'kept-safe', TIMESTAMP '2025-08-06 00:00:00 UTC', DATE '2025-08-06')");
        assertThat(queryRunner.execute(alice, "SELECT count(*) FROM guarded.public.otel_logs_and_spans WHERE project_id = 'kept-safe'").getOnlyValue()).isEqualTo(1L);
    }

    private static Session sessionOf(Identity identity)
    {
        return Session.builder(TimeFusionQueryRunner.adminSession()).setIdentity(identity).build();
    }

    @Test
    void withoutASecretsKeyNoProjectCanBeRegistered()
    {
        DEFAULT_ACCOUNT.server().createBucket("keyless-default");
        CUSTOMER_1.server().createBucket("keyless-a");
        queryRunner.createCatalog("keyless", "timefusion", TimeFusionQueryRunner.s3Properties(DEFAULT_ACCOUNT.server(), "keyless-default"));
        assertThatThrownBy(() -> register("keyless", "plain", CUSTOMER_1.server(), "keyless-a"))
                .hasMessageContaining("TIMEFUSION_SECRETS_KEY is not set");
        assertThat(DEFAULT_ACCOUNT.server().listObjectKeys("keyless-default")).isEmpty();
    }

    private static List<String> dataFiles(S3ProxyServer server, String bucket)
    {
        try (Stream<String> keys = server.listObjectKeys(bucket).stream()) {
            return keys.filter(key -> key.endsWith(".parquet") && !key.contains("_delta_log")).toList();
        }
    }
}
