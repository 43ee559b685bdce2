package io.timefusion.trino;

import com.google.common.collect.ImmutableMap;
import io.timefusion.testing.QueryStatistics;
import io.timefusion.testing.S3ProxyExtension;
import io.timefusion.testing.S3ProxyServer;
import io.timefusion.testing.TimeFusionQueryRunner;
import io.trino.spi.QueryId;
import io.trino.testing.DistributedQueryRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connector against an S3 server (s3proxy on 127.0.0.1); each case writes to a bucket and catalog of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestS3Storage
{
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    private static final String TABLE = "timefusion/otel_logs_and_spans/";
    private DistributedQueryRunner queryRunner;

    @BeforeAll
    void startTrino()
            throws Exception
    {
        queryRunner = TimeFusionQueryRunner.builder().build();
    }

    @AfterAll
    void stopTrino()
    {
        queryRunner.close();
    }

    @Test
    void rowsLandInPartitionDirectoriesOfTheBucketWithAPartitionedDeltaLog()
            throws IOException
    {
        S3ProxyServer s3 = S3.server();
        createCatalog("layout", "layout-bucket");
        queryRunner.execute("""
                INSERT INTO layout.public.otel_logs_and_spans (id, project_id, timestamp, date)
                SELECT 'row-' || p || '-' || CAST(d AS varchar), p, TIMESTAMP '2025-04-01 12:00:00 UTC' + d * INTERVAL '1' DAY, DATE '2025-04-01'
                FROM UNNEST(ARRAY['alpha', 'beta', 'gamma']) AS projects(p) CROSS JOIN UNNEST(sequence(0, 2)) AS days(d)
                """);

        List<String> keys = s3.listObjectKeys("layout-bucket");
        for (String project : List.of("alpha", "beta", "gamma")) {
            for (String date : List.of("2025-04-01", "2025-04-02", "2025-04-03")) {
                String directory = TABLE + "project_id=" + project + "/date=" + date + "/";
                assertThat(keys).filteredOn(key -> key.startsWith(directory) && key.endsWith(".zstd.parquet")).hasSize(1);
            }
        }
        String firstCommit = Files.readString(s3.bucketDirectory("layout-bucket").resolve(TABLE + "_delta_log/00000000000000000000.json"));
        assertThat(firstCommit)
                .contains("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}")
                .contains("\"partitionColumns\":[\"project_id\",\"date\"]")
                .contains("\"metaData\":");
        assertThat(queryRunner.execute("SELECT count(*) FROM layout.public.otel_logs_and_spans").getOnlyValue()).isEqualTo(9L);
    }

    @Test
    void aQueryOnOneProjectAndOneHourOpensOnlyThatPartitionsMatchingFiles()
    {
        createCatalog("pruning", "pruning-bucket");
        // four INSERTs, one per hour, each writing one file into each of the four (project, day) partitions
        for (int hour = 0; hour < 4; hour++) {
            queryRunner.execute("""
                    INSERT INTO pruning.public.otel_logs_and_spans (id, project_id, timestamp, date)
                    SELECT p || '-' || CAST(d AS varchar) || '-%1$d-' || CAST(n AS varchar), p,
                        TIMESTAMP '2025-07-01 00:00:00 UTC' + d * INTERVAL '1' DAY + INTERVAL '%1$d' HOUR + n * INTERVAL '1' SECOND, DATE '2025-07-01'
                    FROM UNNEST(ARRAY['p1', 'p2']) AS projects(p) CROSS JOIN UNNEST(sequence(0, 1)) AS days(d) CROSS JOIN UNNEST(sequence(0, 99)) AS rows(n)
                    """.formatted(hour));
        }
        assertThat(splitsScanned("SELECT count(*) FROM pruning.public.otel_logs_and_spans")).isEqualTo(16);

        QueryId oneHour = queryId("""
                SELECT count(*) FROM pruning.public.otel_logs_and_spans
                WHERE project_id = 'p1' AND timestamp >= TIMESTAMP '2025-07-02 02:00:00 UTC' AND timestamp < TIMESTAMP '2025-07-02 03:00:00 UTC'
                """);
        assertThat(QueryStatistics.splitsScanned(queryRunner, oneHour)).isEqualTo(1);
        assertThat(splitsScanned("SELECT count(*) FROM pruning.public.otel_logs_and_spans WHERE project_id IN ('p1', 'p2') AND date = DATE '2025-07-01'")).isEqualTo(8);
        assertThat(queryRunner.execute("""
                SELECT count(*) FROM pruning.public.otel_logs_and_spans
                WHERE project_id = 'p1' AND timestamp >= TIMESTAMP '2025-07-02 02:00:00 UTC' AND timestamp < TIMESTAMP '2025-07-02 03:00:00 UTC'
                """).getOnlyValue()).isEqualTo(100L);
    }

    @Test
    void wrongCredentialsFailNamingTheBucketAndTheS3ErrorWithoutTheSecret()
    {
        S3ProxyServer s3 = S3.server();
        s3.createBucket("guarded-bucket");
        String wrongSecret = "not-the-secret-" + "x".repeat(24);
        queryRunner.createCatalog("wrong_secret", "timefusion", ImmutableMap.<String, String>builder()
                .putAll(TimeFusionQueryRunner.s3Properties(s3, "guarded-bucket"))
                .put("timefusion.s3.secret-key", wrongSecret)
                .buildKeepingLast());

        assertThatThrownBy(() -> queryRunner.execute("SELECT count(*) FROM wrong_secret.public.otel_logs_and_spans"))
                .hasMessageContaining("bucket 'guarded-bucket'")
                .hasMessageContaining("SignatureDoesNotMatch")
                .hasMessageNotContaining(wrongSecret)
                .hasMessageNotContaining(s3.secretKey());
        assertThatThrownBy(() -> queryRunner.execute("""
                INSERT INTO wrong_secret.public.otel_logs_and_spans (id, project_id, timestamp, date)
                VALUES ('x', 'p', TIMESTAMP '2025-01-01 00:00:00 UTC', DATE '2025-01-01')
                """))
                .hasMessageContaining("bucket 'guarded-bucket'")
                .hasMessageContaining("SignatureDoesNotMatch")
                .hasMessageNotContaining(wrongSecret);
        assertThat(s3.listObjectKeys("guarded-bucket")).isEmpty();
    }

    private void createCatalog(String catalog, String bucket)
    {
        S3.server().createBucket(bucket);
        Map<String, String> properties = new HashMap<>(TimeFusionQueryRunner.s3Properties(S3.server(), bucket));
        // every file its own split, so that the splits a query scans are the files it opens
        properties.put("timefusion.split-group-size", "1kB");
        queryRunner.createCatalog(catalog, "timefusion", properties);
    }

    private long splitsScanned(String sql)
    {
        return QueryStatistics.splitsScanned(queryRunner, queryId(sql));
    }

    private QueryId queryId(String sql)
    {
        return queryRunner.executeWithPlan(queryRunner.getDefaultSession(), sql).queryId();
    }
}
