package io.timefusion.integration.ingest;

import io.timefusion.gateway.ingest.BatchWriter;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.integration.gateway.TestingGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.timefusion.gateway.ingest.IngestTables.OTEL_LOGS_AND_SPANS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ingest.transport=http: the INSERT names a one-time URL of the gateway, and the Trino worker fetches the batch there. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestIngestHttpTransport
{
    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        gateway = TestingGateway.start(Map.of("ingest.transport", "HTTP"));
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void batchFetchedByTheWorkerLands()
            throws Exception
    {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(new Object[] {Instant.parse("2025-09-01T00:00:00Z").plusSeconds(i), "http-" + i, "http-transport", "{\"i\":" + i + "}"});
        }
        assertThat(gateway.instance(BatchWriter.class).write(new RowBatch(OTEL_LOGS_AND_SPANS, List.of("timestamp", "id", "project_id", "body"), rows), Optional.empty()))
                .isEqualTo(500);

        assertThat(gateway.queryRunner().execute("SELECT count(DISTINCT id), sum(CAST(json_extract_scalar(body, '$.i') AS bigint)) FROM otel_logs_and_spans WHERE project_id = 'http-transport'")
                .getMaterializedRows().getFirst().getFields())
                .containsExactly(500L, 124_750L);
    }

    @Test
    void unknownBatchTokenIsRefusedAndNothingIsCommitted()
            throws Exception
    {
        String url = gateway.httpUrl() + "/v1/ingest/batches/not-a-token";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"error\"");

        assertThatThrownBy(() -> gateway.queryRunner().execute("INSERT INTO otel_logs_and_spans SELECT * FROM TABLE(timefusion.system.ingest_batch(url => '%s'))".formatted(url)))
                .hasMessageContaining("did not serve the ingest batch (HTTP 404)")
                .hasMessageNotContaining("not-a-token");
        assertThatThrownBy(() -> gateway.queryRunner().execute("INSERT INTO otel_logs_and_spans SELECT * FROM TABLE(timefusion.system.ingest_batch(batch => 'AAAA', url => '%s'))".formatted(url)))
                .hasMessageContaining("either batch or url");
    }
}
