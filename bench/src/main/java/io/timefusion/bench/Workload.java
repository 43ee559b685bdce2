package io.timefusion.bench;

import java.time.Instant;
import java.util.List;

/**
 * The shape of the benchmark data, shared by the client-side generator and the in-engine one so both write
 * comparable rows: 3 projects × 2 days = 6 Delta partitions.
 */
final class Workload
{
    static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    static final int DAYS = 2;
    static final List<String> PROJECTS = List.of("p1", "p2", "p3");
    static final List<String> SERVICES = List.of("checkout", "cart", "payments", "frontend", "search");
    static final List<String> METHODS = List.of("GET", "GET", "GET", "POST", "PUT", "DELETE");
    // mostly successes, as in real traffic, so level and status_code are skewed like production data
    static final List<Integer> HTTP_STATUSES = List.of(200, 200, 200, 200, 200, 200, 201, 204, 404, 500);
    static final String SERVICE_VERSION = "1.4.2";
    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    private Workload() {}

    static String level(int httpStatus, boolean debug)
    {
        if (httpStatus >= 500) {
            return "ERROR";
        }
        if (httpStatus >= 400) {
            return "WARN";
        }
        return debug ? "DEBUG" : "INFO";
    }

    /** OpenTelemetry SeverityNumber of the level's base severity. */
    static int severityNumber(String level)
    {
        return switch (level) {
            case "DEBUG" -> 5;
            case "INFO" -> 9;
            case "WARN" -> 13;
            case "ERROR" -> 17;
            default -> throw new IllegalArgumentException("unknown level " + level);
        };
    }
}
