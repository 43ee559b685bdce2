package io.timefusion.trino.buffer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.timefusion.trino.ingest.TestingBatchEncoder;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.trino.type.JsonType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Plays a gateway's side of the buffer contract (§5) on 127.0.0.1: bearer-token check (401), gateway id check (409),
 * the watermark rule, frames of at most {@code frameRows} rows in the batch format with the requested columns plus
 * timestamp and project_id, and the end frame. It ignores the coarse filters (projects, time bounds), as the contract
 * allows, so that tests see the plugin filter exactly. Faults on demand: another status, a stall after the headers,
 * a stream cut short. Every request body is kept for assertions.
 */
public final class FakeGateway
        implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestingBatchEncoder ENCODER = new TestingBatchEncoder(new OtelLogsAndSpansTable(JsonType.JSON));

    private final String gatewayId;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-gateway");
        thread.setDaemon(true);
        return thread;
    });
    private final List<BufferedRow> rows = new CopyOnWriteArrayList<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String token;
    private volatile int frameRows = 8192;
    private volatile Fault fault = Fault.NONE;
    private volatile int faultStatus;

    private enum Fault
    {
        NONE, STATUS, STALL, CUT_SHORT
    }

    private record BufferedRow(long sequence, Map<String, Object> values) {}

    private FakeGateway(String gatewayId, String token)
            throws IOException
    {
        this.gatewayId = gatewayId;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/buffer/rows", this::handle);
        server.start();
    }

    public static FakeGateway start(String gatewayId, String token)
            throws IOException
    {
        return new FakeGateway(gatewayId, token);
    }

    /** A URL on 127.0.0.1 where nothing listens: a gateway that cannot be reached. */
    public static String unreachableUrl()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    public String url()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String authority()
    {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** A buffered row with its WAL sequence; values by column name. */
    public FakeGateway add(long sequence, Map<String, Object> values)
    {
        rows.add(new BufferedRow(sequence, new HashMap<>(values)));
        return this;
    }

    public FakeGateway frameRows(int frameRows)
    {
        this.frameRows = frameRows;
        return this;
    }

    /** The token the gateway accepts from now on, as after a restart. */
    public void acceptOnly(String token)
    {
        this.token = token;
    }

    public void answerWith(int status)
    {
        faultStatus = status;
        fault = Fault.STATUS;
    }

    /** Sends the headers and part of a frame, then nothing until closed. */
    public void stallAfterHeaders()
    {
        fault = Fault.STALL;
    }

    /** Sends the frames but not the end frame. */
    public void cutShort()
    {
        fault = Fault.CUT_SHORT;
    }

    public List<JsonNode> requests()
    {
        return List.copyOf(requests);
    }

    public JsonNode lastRequest()
    {
        return requests.getLast();
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            if (!"POST".equals(exchange.getRequestMethod())) {
                error(exchange, 405, "POST only");
                return;
            }
            if (fault == Fault.STATUS) {
                error(exchange, faultStatus, "fault injected by the test");
                return;
            }
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, "no or wrong token");
                return;
            }
            if (!gatewayId.equals(request.path("gatewayId").asText())) {
                error(exchange, 409, "this is gateway " + gatewayId);
                return;
            }
            streamRows(exchange, request);
        }
    }

    private void streamRows(HttpExchange exchange, JsonNode request)
            throws IOException
    {
        Set<String> columns = new LinkedHashSet<>();
        request.path("columns").forEach(column -> columns.add(column.asText()));
        columns.add("timestamp");
        columns.add("project_id");
        List<Map<String, Object>> selected = new ArrayList<>();
        for (BufferedRow row : rows) {
            if (aboveWatermark(row, request)) {
                selected.add(row.values());
            }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        if (fault == Fault.STALL) {
            body.write(new byte[] {1, 0});
            body.flush();
            awaitRelease();
            return;
        }
        for (int start = 0; start < selected.size(); start += frameRows) {
            byte[] frame = ENCODER.encode(List.copyOf(columns), selected.subList(start, Math.min(selected.size(), start + frameRows)));
            body.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(frame.length).array());
            body.write(frame);
        }
        if (fault != Fault.CUT_SHORT) {
            body.write(new byte[4]);
        }
    }

    /** Contract §5: above the project's watermark if it has one, else above the default one, else not returned. */
    private static boolean aboveWatermark(BufferedRow row, JsonNode request)
    {
        JsonNode projectWatermark = request.path("projectWatermarks").path((String) row.values().get("project_id"));
        JsonNode watermark = projectWatermark.isMissingNode() ? request.path("defaultWatermark") : projectWatermark;
        return watermark.isNumber() && row.sequence() > watermark.asLong();
    }

    private static void error(HttpExchange exchange, int status, String message)
            throws IOException
    {
        byte[] body = JSON.writeValueAsString(Map.of("error", message)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private void awaitRelease()
    {
        try {
            released.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close()
    {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
