package io.timefusion.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestS3ProxyServer
{
    @RegisterExtension
    static final S3ProxyExtension CUSTOMER_A = new S3ProxyExtension();

    @RegisterExtension
    static final S3ProxyExtension CUSTOMER_B = new S3ProxyExtension();

    @Test
    void acceptsPutAndGetWithItsOwnCredentials()
    {
        S3ProxyServer server = CUSTOMER_A.server();
        server.createBucket("put-get");
        try (S3Client s3 = server.newClient()) {
            s3.putObject(request -> request.bucket("put-get").key("otel/a.json"), RequestBody.fromString("{\"a\":1}"));

            assertThat(s3.getObjectAsBytes(request -> request.bucket("put-get").key("otel/a.json")).asUtf8String()).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void refusesAnotherServersCredentials()
    {
        S3ProxyServer server = CUSTOMER_A.server();
        S3ProxyServer otherAccount = CUSTOMER_B.server();
        server.createBucket("foreign-credentials");
        try (S3Client s3 = server.newClient(otherAccount.accessKey(), otherAccount.secretKey())) {
            assertThatThrownBy(() -> s3.putObject(request -> request.bucket("foreign-credentials").key("a"), RequestBody.fromString("a")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void rejectsConditionalPutOnAnExistingKey()
    {
        S3ProxyServer server = CUSTOMER_A.server();
        server.createBucket("put-if-absent");
        try (S3Client s3 = server.newClient()) {
            s3.putObject(request -> request.bucket("put-if-absent").key("_delta_log/0.json").ifNoneMatch("*"), RequestBody.fromString("first"));

            assertThatThrownBy(() -> s3.putObject(request -> request.bucket("put-if-absent").key("_delta_log/0.json").ifNoneMatch("*"), RequestBody.fromString("second")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
            assertThat(s3.getObjectAsBytes(request -> request.bucket("put-if-absent").key("_delta_log/0.json")).asUtf8String()).isEqualTo("first");
        }
    }

    @Test
    void listsObjectKeysAsStoredOnDisk()
    {
        S3ProxyServer server = CUSTOMER_A.server();
        server.createBucket("listing");
        try (S3Client s3 = server.newClient()) {
            for (String key : List.of("otel/part-1.parquet", "otel/_delta_log/00000000000000000000.json", "readme")) {
                s3.putObject(request -> request.bucket("listing").key(key), RequestBody.fromString(key));
            }
        }

        assertThat(server.listObjectKeys("listing")).containsExactly("otel/_delta_log/00000000000000000000.json", "otel/part-1.parquet", "readme");
    }

    @Test
    void stopLeavesNoProcessAlive()
            throws IOException
    {
        try (S3ProxyServer server = S3ProxyServer.start()) {
            List<ProcessHandle> processes = Stream.concat(Stream.of(server.processHandle()), server.processHandle().descendants()).toList();

            server.stop();

            assertThat(processes).noneMatch(ProcessHandle::isAlive);
        }
    }
}
