package io.timefusion.integration.gateway;

import io.timefusion.testing.S3ProxyExtension;
import io.timefusion.testing.S3ProxyServer;
import io.timefusion.testing.TimeFusionQueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Registering a customer's bucket over REST, then writing to it through pgwire. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestProjectsRest
{
    @RegisterExtension
    static final S3ProxyExtension CUSTOMER = new S3ProxyExtension();

    private static final String TOKEN = "admin-token-for-tests";
    private final HttpClient http = HttpClient.newHttpClient();
    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        gateway = TestingGateway.start(
                Map.of("admin.token", TOKEN),
                Map.of("timefusion.secrets-key", Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes())));
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void theAdminEndpointsNeedTheBearerToken()
            throws Exception
    {
        assertThat(send("POST", "/register_project", "{}", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/projects", null, "wrong-token").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/projects", null, TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void badFieldsAreAllListed()
            throws Exception
    {
        HttpResponse<String> response = send("POST", "/register_project",
                "{\"project_id\": \"no spaces allowed\", \"bucket\": \"UPPER\", \"access_key\": \"short\", \"secret_key\": \"short\", \"endpoint\": \"ftp://x\"}", TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("project_id:").contains("bucket:").contains("access_key:").contains("secret_key:").contains("endpoint:");
        HttpResponse<String> missing = send("POST", "/register_project", "{\"project_id\": \"p\"}", TOKEN);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("bucket: required text").contains("secret_key: required text");
    }

    @Test
    void malformedBodiesAre400JsonWithoutJavaNames()
            throws Exception
    {
        String deep = "{\"project_id\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        List<byte[]> bodies = List.of(
                "{\"project_id\": \"p\", \"bucket\":".getBytes(UTF_8),
                "not json at all".getBytes(UTF_8),
                "[{\"project_id\": \"p\"}]".getBytes(UTF_8),
                "\"just a string\"".getBytes(UTF_8),
                "null".getBytes(UTF_8),
                new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
                deep.getBytes(UTF_8),
                "{\"project_id\": {\"nested\": true}, \"bucket\": 7, \"access_key\": null, \"secret_key\": [], \"path_style\": \"yes\"}".getBytes(UTF_8));
        for (byte[] body : bodies) {
            HttpResponse<String> response = sendBytes("POST", "/register_project", body, "application/json", TOKEN);
            assertThat(response.statusCode()).as(new String(body, UTF_8)).isEqualTo(400);
            assertJsonErrorWithoutJavaNames(response);
        }
    }

    @Test
    void oversizedBodiesAndFieldsAreRefusedBeforeTrinoSeesThem()
            throws Exception
    {
        long trinoQueriesBefore = gateway.queryRunner().getCoordinator().getQueryManager().getQueries().size();
        String hugeField = "{\"project_id\": \"big\", \"bucket\": \"b\", \"access_key\": \"%s\", \"secret_key\": \"s\"}".formatted("k".repeat(20 << 20));
        HttpResponse<String> huge = sendBytes("POST", "/register_project", hugeField.getBytes(UTF_8), "application/json", TOKEN);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertJsonErrorWithoutJavaNames(huge);

        String longFields = "{\"project_id\": \"%s\", \"bucket\": \"%s\", \"access_key\": \"%s\", \"secret_key\": \"%s\", \"endpoint\": \"https://%s\"}"
                .formatted("p".repeat(129), "b".repeat(64), "k".repeat(129), "s".repeat(129), "e".repeat(3000));
        HttpResponse<String> tooLong = sendBytes("POST", "/register_project", longFields.getBytes(UTF_8), "application/json", TOKEN);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("project_id: at most 128").contains("bucket: at most 63").contains("access_key: at most 128")
                .contains("secret_key: at most 128").contains("endpoint: at most 2048");
        assertThat(send("DELETE", "/projects/" + "x".repeat(200), null, TOKEN).statusCode()).isEqualTo(400);
        assertThat(gateway.queryRunner().getCoordinator().getQueryManager().getQueries().size()).as("queries Trino ran").isEqualTo(trinoQueriesBefore);
    }

    @Test
    void protocolErrorsAreJsonToo()
            throws Exception
    {
        HttpResponse<String> wrongType = sendBytes("POST", "/register_project", "project_id=p".getBytes(UTF_8), "application/x-www-form-urlencoded", TOKEN);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertJsonErrorWithoutJavaNames(wrongType);
        HttpResponse<String> wrongMethod = send("PUT", "/projects", "{}", TOKEN);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertJsonErrorWithoutJavaNames(wrongMethod);
        HttpResponse<String> unknown = send("GET", "/no-such-endpoint", null, TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertJsonErrorWithoutJavaNames(unknown);
    }

    private static void assertJsonErrorWithoutJavaNames(HttpResponse<String> response)
    {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).startsWith("{").contains("\"error\"")
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("java.")
                .doesNotContain("jakarta.")
                .doesNotContain("com.fasterxml")
                .doesNotContain("io.timefusion")
                .doesNotContain("<html");
    }

    private HttpResponse<String> sendBytes(String method, String path, byte[] body, String contentType, String token)
            throws Exception
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.httpUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void wrongS3CredentialsAreRefusedWith422AndTheS3ErrorCode()
            throws Exception
    {
        S3ProxyServer customer = CUSTOMER.server();
        customer.createBucket("rest-guarded");
        String wrongSecret = "wrong-secret-key-0123456789";
        HttpResponse<String> response = send("POST", "/register_project", registration("rest-wrong", "rest-guarded", customer.accessKey(), wrongSecret, customer), TOKEN);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("SignatureDoesNotMatch").contains("rest-guarded").doesNotContain(wrongSecret);
    }

    @Test
    void aRegisteredProjectReceivesInsertsThroughPgwireInItsOwnBucket()
            throws Exception
    {
        S3ProxyServer customer = CUSTOMER.server();
        customer.createBucket("rest-customer");
        HttpResponse<String> created = send("POST", "/register_project", registration("rest-project", "rest-customer", customer.accessKey(), customer.secretKey(), customer), TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"project_id\":\"rest-project\"").contains("\"bucket\":\"rest-customer\"").doesNotContain(customer.secretKey());

        assumeTrue(ExternalProcess.available("psql"), "psql is not installed (Debian package postgresql-client; .ci/run installs it)");
        ExternalProcess psql = ExternalProcess.run(
                List.of("psql", "-h", "127.0.0.1", "-p", Integer.toString(gateway.pgwirePort()), "-U", TestingGateway.USER, "-d", "timefusion", "-X", "-v", "ON_ERROR_STOP=1",
                        "-c", "INSERT INTO otel_logs_and_spans (id, project_id, timestamp, date) VALUES ('r-1', 'rest-project', TIMESTAMP '2025-09-01 00:00:00 UTC', DATE '2025-09-01')"),
                Map.of("PGPASSWORD", TestingGateway.PASSWORD),
                "");
        assertThat(psql.exitCode()).as(psql.stderr()).isZero();
        assertThat(psql.stdout()).contains("INSERT 0 1");
        assertThat(customer.listObjectKeys("rest-customer")).anyMatch(key -> key.startsWith("timefusion/otel_logs_and_spans/project_id=rest-project/") && key.endsWith(".parquet"));

        HttpResponse<String> listed = send("GET", "/projects", null, TOKEN);
        assertThat(listed.body()).contains("rest-project").doesNotContain(customer.secretKey());
        assertThat(send("GET", "/projects/rest-project", null, TOKEN).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/status", null, null).body()).contains("\"project_count\":1");
        // the secret travelled as an extra credential: Trino's query history has no trace of it
        assertThat(gateway.queryRunner().execute("SELECT query FROM system.runtime.queries").toString()).doesNotContain(customer.secretKey());
        // nor does what Trino tells about its queries over HTTP (the sessions in its web UI's JSON), nor the admin principal's secret
        HttpResponse<String> queryInfo = http.send(HttpRequest.newBuilder(gateway.queryRunner().getCoordinator().getBaseUrl().resolve("/v1/query"))
                .header("X-Trino-User", TimeFusionQueryRunner.ADMIN_USER).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(queryInfo.statusCode()).isEqualTo(200);
        assertThat(queryInfo.body()).contains("register_project").doesNotContain(customer.secretKey()).doesNotContain(TimeFusionQueryRunner.ADMIN_SECRET);

        assertThat(send("DELETE", "/projects/rest-project", null, TOKEN).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/projects/rest-project", null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(customer.listObjectKeys("rest-customer")).anyMatch(key -> key.endsWith(".parquet"));
    }

    @Test
    void postgresClientsCannotAdministerProjectsAndTheRestEndpointsStillCan()
            throws Exception
    {
        S3ProxyServer customer = CUSTOMER.server();
        customer.createBucket("rest-kept");
        assertThat(send("POST", "/register_project", registration("rest-kept", "rest-kept", customer.accessKey(), customer.secretKey(), customer), TOKEN).statusCode()).isEqualTo(201);

        try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
            for (String call : List.of(
                    "CALL timefusion.system.unregister_project('rest-kept')",
                    "call system.unregister_project(project_id => 'rest-kept')",
                    "/* hidden */ CALL \"timefusion\".\"system\".\"register_project\"('rest-kept', 'elsewhere', 'AKIAINTRUDER01', 'intruder-secret-0123')")) {
                assertThatThrownBy(() -> statement.execute(call))
                        .as(call)
                        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
            // the extended protocol (a prepared statement) is refused the same way
            try (PreparedStatement call = connection.prepareStatement("CALL timefusion.system.unregister_project(?)")) {
                call.setString(1, "rest-kept");
                assertThatThrownBy(call::execute).isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
            // past the gateway's own check (Trino's EXECUTE IMMEDIATE), the connector's rule refuses the Postgres user
            assertThatThrownBy(() -> statement.execute("EXECUTE IMMEDIATE 'CALL timefusion.system.unregister_project(''rest-kept'')'"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            // a Postgres session cannot read every customer's buckets and keys either: the connector's rule refuses
            assertThatThrownBy(() -> statement.executeQuery("SELECT project_id, bucket, access_key FROM timefusion.system.projects").close())
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            try (ResultSet rows = statement.executeQuery("SELECT 'still usable'")) {
                assertThat(rows.next()).isTrue();
            }
        }
        HttpResponse<String> kept = send("GET", "/projects/rest-kept", null, TOKEN);
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).contains("\"bucket\":\"rest-kept\"");
        assertThat(send("DELETE", "/projects/rest-kept", null, TOKEN).statusCode()).isEqualTo(204);
    }

    @Test
    void theTrinoCliCanAdministerOnlyAsTheAdminPrincipalWithItsSecret()
            throws Exception
    {
        String unregister = "CALL timefusion.system.unregister_project('nobody-registered')";
        // the Trino CLI speaks this protocol: any user name, or the admin's without its secret, is refused
        for (Properties client : List.of(trinoClient("postgres", null), trinoClient(TimeFusionQueryRunner.ADMIN_USER, null),
                trinoClient(TimeFusionQueryRunner.ADMIN_USER, "a-guessed-secret-0123456789"))) {
            try (Connection connection = DriverManager.getConnection(trinoJdbcUrl(), client); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute(unregister))
                        .hasMessageContaining("Access Denied: Cannot execute procedure system.unregister_project");
            }
        }
        try (Connection connection = DriverManager.getConnection(trinoJdbcUrl(), trinoClient(TimeFusionQueryRunner.ADMIN_USER, TimeFusionQueryRunner.ADMIN_SECRET));
                Statement statement = connection.createStatement()) {
            // past the access check, the procedure itself answers
            assertThatThrownBy(() -> statement.execute(unregister)).hasMessageContaining("Project nobody-registered is not registered");
        }
    }

    private String trinoJdbcUrl()
    {
        return "jdbc:trino://127.0.0.1:%d/timefusion/public".formatted(gateway.queryRunner().getCoordinator().getBaseUrl().getPort());
    }

    private static Properties trinoClient(String user, String adminSecret)
    {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (adminSecret != null) {
            properties.setProperty("extraCredentials", "timefusion.admin_secret:" + adminSecret);
        }
        return properties;
    }

    private static String registration(String projectId, String bucket, String accessKey, String secretKey, S3ProxyServer server)
    {
        return "{\"project_id\": \"%s\", \"bucket\": \"%s\", \"access_key\": \"%s\", \"secret_key\": \"%s\", \"endpoint\": \"%s\", \"path_style\": true}"
                .formatted(projectId, bucket, accessKey, secretKey, server.endpoint());
    }

    private HttpResponse<String> send(String method, String path, String body, String token)
            throws Exception
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.httpUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
