package io.timefusion.trino.buffer;

import io.airlift.slice.Slices;
import io.airlift.units.Duration;
import io.opentelemetry.api.OpenTelemetry;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.TimeFusionErrorCode;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.timefusion.trino.metadata.TimeFusionTableHandle;
import io.timefusion.trino.read.LikeFilter;
import io.timefusion.trino.storage.DefaultTableStorage;
import io.timefusion.trino.storage.FileSystems;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.type.JsonType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A buffer split read against a gateway played by {@link FakeGateway}: the request it makes, the rows it returns, and
 * each outcome of the buffer protocol (docs/ingest.md, "The write buffer"). Two registries on one storage stand for the coordinator (which runs the procedures) and
 * the worker (which fetches).
 */
class TestBufferPageSource
{
    private static final OtelLogsAndSpansTable TABLE = new OtelLogsAndSpansTable(JsonType.JSON);
    private static final String GATEWAY = "gw-1";
    private static final String TOKEN = TestGatewayRegistry.TOKEN;
    private static final String NEW_TOKEN = TestGatewayRegistry.OTHER_TOKEN;

    @TempDir
    Path dataDirectory;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close()
            throws Exception
    {
        for (AutoCloseable closeable : closeables.reversed()) {
            closeable.close();
        }
    }

    @Test
    void framesAreReadOneByOneIntoTheRequestedColumnsWithDateDerived()
            throws Exception
    {
        FakeGateway gateway = gateway().frameRows(2);
        for (int i = 1; i <= 5; i++) {
            // 23:30 UTC: the UTC day, not a local one, is the date
            gateway.add(i, row("2025-06-0%dT23:30:00Z".formatted(i), "b-" + i, "p1", "span-" + i));
        }
        Node worker = announced(gateway, UnavailableGatewayPolicy.FAIL);

        List<Page> pages = readAll(worker.pageSource(split(gateway, 0L), TupleDomain.all(), "date", "name", "id"));

        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        List<String> rows = new ArrayList<>();
        for (Page page : pages) {
            for (int position = 0; position < page.getPositionCount(); position++) {
                rows.add(LocalDate.ofEpochDay(DATE.getLong(page.getBlock(0), position)) + " " + text(page, 1, position) + " " + text(page, 2, position));
            }
        }
        assertThat(rows).containsExactly(
                "2025-06-01 span-1 b-1", "2025-06-02 span-2 b-2", "2025-06-03 span-3 b-3", "2025-06-04 span-4 b-4", "2025-06-05 span-5 b-5");
        assertThat(gateway.lastRequest().path("columns").toString()).isEqualTo("[\"name\",\"id\"]");
    }

    @Test
    void aCountReadsNoColumnsAndCountsEveryRow()
            throws Exception
    {
        FakeGateway gateway = gateway().frameRows(3);
        for (int i = 1; i <= 7; i++) {
            gateway.add(i, row("2025-06-01T00:00:0%dZ".formatted(i), "c-" + i, "p1", null));
        }
        Node worker = announced(gateway, UnavailableGatewayPolicy.FAIL);

        List<Page> pages = readAll(worker.pageSource(split(gateway, 0L), TupleDomain.all()));

        assertThat(pages.stream().mapToInt(Page::getPositionCount).sum()).isEqualTo(7);
        assertThat(pages).allSatisfy(page -> assertThat(page.getChannelCount()).isZero());
        assertThat(gateway.lastRequest().path("columns").toString()).isEqualTo("[]");
    }

    @Test
    void rowsAreFilteredExactlyByProjectAndDateWhileTheRequestCarriesTheCoarseFilters()
            throws Exception
    {
        FakeGateway gateway = gateway()
                .add(1, row("2025-06-01T10:00:00Z", "keep", "p1", null))
                .add(2, row("2025-06-01T11:00:00Z", "other-project", "p2", null))
                .add(3, row("2025-06-02T10:00:00Z", "other-day", "p1", null));
        Node worker = announced(gateway, UnavailableGatewayPolicy.FAIL);
        TupleDomain<TimeFusionColumnHandle> constraint = TupleDomain.withColumnDomains(Map.of(
                column("project_id"), Domain.singleValue(VARCHAR, Slices.utf8Slice("p1")),
                column("date"), Domain.singleValue(DATE, LocalDate.parse("2025-06-01").toEpochDay())));

        List<Page> pages = readAll(worker.pageSource(split(gateway, 0L), constraint, "id"));

        assertThat(pages.stream().flatMap(page -> texts(page, 0).stream()).toList()).containsExactly("keep");
        assertThat(gateway.lastRequest().path("projects").toString()).isEqualTo("[\"p1\"]");
        assertThat(gateway.lastRequest().path("fromMicros").asLong()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z").toEpochMilli() * 1000);
        assertThat(gateway.lastRequest().path("toMicros").asLong()).isEqualTo(Instant.parse("2025-06-02T00:00:00Z").toEpochMilli() * 1000 - 1);
    }

    @Test
    void rowsAreFilteredByTheScansOtherDomainsAndLikesAlsoOnColumnsNotReturned()
            throws Exception
    {
        FakeGateway gateway = gateway()
                .add(1, row("2025-06-01T10:00:00Z", "keep", "p1", "GET /orders/1"))
                .add(2, row("2025-06-01T10:00:00.000001Z", "too-late", "p1", "GET /orders/2"))
                .add(3, row("2025-06-01T09:00:00Z", "other-path", "p1", "GET /items/3"))
                .add(4, row("2025-06-01T09:30:00Z", "no-name", "p1", null));
        Node worker = announced(gateway, UnavailableGatewayPolicy.FAIL);
        TupleDomain<TimeFusionColumnHandle> constraint = TupleDomain.withColumnDomains(Map.of(
                column("timestamp"), Domain.create(ValueSet.ofRanges(Range.lessThanOrEqual(TIMESTAMP_TZ_MICROS,
                        LongTimestampWithTimeZone.fromEpochMillisAndFraction(Instant.parse("2025-06-01T10:00:00Z").toEpochMilli(), 0, UTC_KEY))), false)));
        List<LikeFilter> likes = List.of(new LikeFilter(column("name"), "%/orders/%", Optional.empty()));

        List<Page> pages = readAll(worker.pageSources().createPageSource(split(gateway, 0L), new TimeFusionTableHandle(constraint, likes, Optional.empty(), Optional.empty(), Optional.empty()), List.of(column("id"))));

        assertThat(pages.stream().flatMap(page -> texts(page, 0).stream()).toList()).containsExactly("keep");
    }

    @Test
    void theRequestCarriesTheSplitsWatermarks()
            throws Exception
    {
        FakeGateway gateway = gateway()
                .add(4, row("2025-06-01T10:00:00Z", "flushed", "p1", null))
                .add(5, row("2025-06-01T10:00:01Z", "buffered", "p1", null))
                .add(6, row("2025-06-01T10:00:02Z", "own-table", "registered", null));
        Node worker = announced(gateway, UnavailableGatewayPolicy.FAIL);
        BufferSplit split = new BufferSplit(GATEWAY, gateway.url(), 4L, Map.of("registered", 5L));

        List<Page> pages = readAll(worker.pageSource(split, TupleDomain.all(), "id"));

        assertThat(pages.stream().flatMap(page -> texts(page, 0).stream()).toList()).containsExactly("buffered", "own-table");
        assertThat(gateway.lastRequest().path("gatewayId").asText()).isEqualTo(GATEWAY);
        assertThat(gateway.lastRequest().path("table").asText()).isEqualTo("otel_logs_and_spans");
        assertThat(gateway.lastRequest().path("defaultWatermark").asLong()).isEqualTo(4);
        assertThat(gateway.lastRequest().path("projectWatermarks").toString()).isEqualTo("{\"registered\":5}");
        assertThat(gateway.lastRequest().path("projects").isNull()).isTrue();
        assertThat(gateway.lastRequest().path("fromMicros").isNull()).isTrue();
    }

    @Test
    void aTokenTheGatewayRefusesIsReplacedByTheOneAnnouncedSince()
            throws Exception
    {
        FakeGateway gateway = gateway().add(1, row("2025-06-01T10:00:00Z", "r-1", "p1", null));
        Node worker = announced(gateway, UnavailableGatewayPolicy.FAIL);
        // the worker learns the first token, then the gateway restarts with a new one and announces it
        assertThat(readAll(worker.pageSource(split(gateway, 0L), TupleDomain.all(), "id"))).hasSize(1);
        gateway.acceptOnly(NEW_TOKEN);
        coordinator().announce(GATEWAY, gateway.url(), NEW_TOKEN);

        assertThat(readAll(worker.pageSource(split(gateway, 0L), TupleDomain.all(), "id"))).hasSize(1);
        assertThat(gateway.requests()).hasSize(3);
    }

    @Test
    void aRefusedTokenFailsNamingTheGatewayButNotTheToken()
            throws Exception
    {
        FakeGateway gateway = gateway();
        Node worker = announced(gateway, UnavailableGatewayPolicy.FAIL);
        gateway.acceptOnly(NEW_TOKEN);

        assertFails(() -> readAll(worker.pageSource(split(gateway, 0L), TupleDomain.all(), "id")), TimeFusionErrorCode.TIMEFUSION_BUFFER_REFUSED)
                .hasMessageContaining("gateway gw-1 at " + gateway.authority())
                .hasMessageContaining("HTTP 401: no or wrong token")
                .hasMessageNotContaining(TOKEN)
                .hasMessageNotContaining(NEW_TOKEN);
    }

    @Test
    void anotherGatewayAtTheAddressIsRefused()
            throws Exception
    {
        FakeGateway gateway = gateway();
        Node worker = announced(gateway, UnavailableGatewayPolicy.FAIL);
        BufferSplit misdirected = new BufferSplit("gw-2", gateway.url(), 0L, Map.of());
        coordinator().announce("gw-2", gateway.url(), TOKEN);

        assertFails(() -> readAll(worker.pageSource(misdirected, TupleDomain.all(), "id")), TimeFusionErrorCode.TIMEFUSION_BUFFER_REFUSED)
                .hasMessageContaining("HTTP 409");
    }

    @Test
    void rowsFlushedAndEvictedSinceTheSnapshotAskForARetry()
            throws Exception
    {
        FakeGateway gateway = gateway();
        gateway.answerWith(410);
        Node worker = announced(gateway, UnavailableGatewayPolicy.SKIP);

        assertFails(() -> readAll(worker.pageSource(split(gateway, 0L), TupleDomain.all(), "id")), TimeFusionErrorCode.TIMEFUSION_BUFFER_EXPIRED)
                .hasMessageContaining("gateway gw-1 at " + gateway.authority())
                .hasMessageEndingWith("Retry the query");
    }

    @Test
    void aServerErrorFailsWithFailAndIsSkippedWithSkip()
            throws Exception
    {
        FakeGateway gateway = gateway().add(1, row("2025-06-01T10:00:00Z", "r-1", "p1", null));
        gateway.answerWith(503);

        assertFails(() -> readAll(announced(gateway, UnavailableGatewayPolicy.FAIL).pageSource(split(gateway, 0L), TupleDomain.all(), "id")),
                TimeFusionErrorCode.TIMEFUSION_BUFFER_UNAVAILABLE)
                .hasMessageContaining("Cannot read the buffered rows of the gateway gw-1 at " + gateway.authority())
                .hasMessageContaining("HTTP 503");
        assertThat(readAll(announced(gateway, UnavailableGatewayPolicy.SKIP).pageSource(split(gateway, 0L), TupleDomain.all(), "id"))).isEmpty();
    }

    @Test
    void anUnreachableGatewayFailsWithFailAndIsSkippedWithSkip()
            throws Exception
    {
        String url = FakeGateway.unreachableUrl();
        coordinator().announce(GATEWAY, url, TOKEN);
        BufferSplit split = new BufferSplit(GATEWAY, url, 0L, Map.of());

        assertFails(() -> readAll(node(UnavailableGatewayPolicy.FAIL, 5).pageSource(split, TupleDomain.all(), "id")), TimeFusionErrorCode.TIMEFUSION_BUFFER_UNAVAILABLE)
                .hasMessageContaining("Cannot read the buffered rows of the gateway gw-1 at " + url.substring("http://".length()))
                .hasMessageContaining("ConnectException");
        assertThat(readAll(node(UnavailableGatewayPolicy.SKIP, 5).pageSource(split, TupleDomain.all(), "id"))).isEmpty();
    }

    @Test
    @Timeout(30)
    void aGatewayThatStallsFailsAfterTheFetchTimeout()
            throws Exception
    {
        FakeGateway gateway = gateway();
        gateway.stallAfterHeaders();
        coordinator().announce(GATEWAY, gateway.url(), TOKEN);
        Node worker = node(UnavailableGatewayPolicy.FAIL, 1);

        long start = System.nanoTime();
        assertFails(() -> readAll(worker.pageSource(split(gateway, 0L), TupleDomain.all(), "id")), TimeFusionErrorCode.TIMEFUSION_BUFFER_UNAVAILABLE)
                .hasMessageContaining("gateway gw-1 at " + gateway.authority())
                .hasMessageContaining("HttpTimeoutException");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(900L, 5_000L);
    }

    @Test
    void aStreamWithoutTheEndFrameFails()
            throws Exception
    {
        FakeGateway gateway = gateway().add(1, row("2025-06-01T10:00:00Z", "r-1", "p1", null));
        gateway.cutShort();
        Node worker = announced(gateway, UnavailableGatewayPolicy.SKIP);

        assertFails(() -> readAll(worker.pageSource(split(gateway, 0L), TupleDomain.all(), "id")), TimeFusionErrorCode.TIMEFUSION_BUFFER_CORRUPT)
                .hasMessageContaining("without the end frame")
                .hasMessageContaining("cut short");
    }

    @Test
    void aGatewayThisNodeCannotFindFails()
            throws Exception
    {
        FakeGateway gateway = gateway();
        Node worker = node(UnavailableGatewayPolicy.FAIL, 5);

        assertFails(() -> readAll(worker.pageSource(split(gateway, 0L), TupleDomain.all(), "id")), TimeFusionErrorCode.TIMEFUSION_GATEWAY_ERROR)
                .hasMessageContaining("gateway gw-1 at " + gateway.authority() + " is not in the gateway registry");
        assertThat(gateway.requests()).isEmpty();
    }

    @Test
    void aSplitShowsTheGatewayButNeitherTokenNorUrlPath()
    {
        BufferSplit split = new BufferSplit(GATEWAY, "http://10.1.2.3:8080/private/base", 3L, Map.of("p", 2L));

        assertThat(split.toString()).isEqualTo("BufferSplit[gatewayId=gw-1, gateway=10.1.2.3:8080, defaultWatermark=3, projectWatermarks={p=2}]");
        assertThat(split.getSplitInfo()).isEqualTo(Map.of("gatewayId", GATEWAY, "gateway", "10.1.2.3:8080"));
    }

    private FakeGateway gateway()
            throws IOException
    {
        FakeGateway gateway = FakeGateway.start(GATEWAY, TOKEN);
        closeables.add(gateway);
        return gateway;
    }

    private Node announced(FakeGateway gateway, UnavailableGatewayPolicy policy)
    {
        coordinator().announce(GATEWAY, gateway.url(), TOKEN);
        return node(policy, 5);
    }

    private GatewayRegistry coordinator()
    {
        return node(UnavailableGatewayPolicy.FAIL, 5).registry();
    }

    private Node node(UnavailableGatewayPolicy policy, int fetchTimeoutSeconds)
    {
        TimeFusionConfig config = new TimeFusionConfig()
                .setDataDirectory(dataDirectory.toString())
                .setSecretsKey(TestGatewayRegistry.SECRETS_KEY)
                .setProjectsRefreshInterval(new Duration(1, TimeUnit.HOURS))
                .setUnavailableGateway(policy)
                .setBufferFetchTimeout(new Duration(fetchTimeoutSeconds, TimeUnit.SECONDS));
        FileSystems fileSystems = new FileSystems(OpenTelemetry.noop());
        closeables.add(fileSystems::close);
        GatewayRegistry registry = new GatewayRegistry(fileSystems, new DefaultTableStorage(config), config);
        GatewayClient client = new GatewayClient(config);
        closeables.add(client::close);
        return new Node(registry, new BufferPageSourceProvider(new BufferFetch(registry, client, config), TABLE));
    }

    private record Node(GatewayRegistry registry, BufferPageSourceProvider pageSources)
    {
        ConnectorPageSource pageSource(BufferSplit split, TupleDomain<TimeFusionColumnHandle> constraint, String... columns)
        {
            return pageSources.createPageSource(split, new TimeFusionTableHandle(constraint), List.of(columns).stream().map(TestBufferPageSource::column).toList());
        }
    }

    private static BufferSplit split(FakeGateway gateway, Long defaultWatermark)
    {
        return new BufferSplit(GATEWAY, gateway.url(), defaultWatermark, Map.of());
    }

    private static TimeFusionColumnHandle column(String name)
    {
        return TABLE.column(name).handle();
    }

    private static List<Page> readAll(ConnectorPageSource source)
            throws IOException
    {
        List<Page> pages = new ArrayList<>();
        try (source) {
            while (!source.isFinished()) {
                SourcePage page = source.getNextSourcePage();
                if (page != null) {
                    pages.add(page.getPage());
                }
            }
        }
        return pages;
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertFails(ThrowingCallable read, TimeFusionErrorCode code)
    {
        return assertThatThrownBy(read)
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(code.toErrorCode()));
    }

    private static Map<String, Object> row(String timestamp, String id, String projectId, String name)
    {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("timestamp", Instant.parse(timestamp));
        row.put("id", id);
        row.put("project_id", projectId);
        row.put("name", name);
        return row;
    }

    private static String text(Page page, int channel, int position)
    {
        return VARCHAR.getSlice(page.getBlock(channel), position).toStringUtf8();
    }

    private static List<String> texts(Page page, int channel)
    {
        List<String> values = new ArrayList<>();
        for (int position = 0; position < page.getPositionCount(); position++) {
            values.add(text(page, channel, position));
        }
        return values;
    }
}
