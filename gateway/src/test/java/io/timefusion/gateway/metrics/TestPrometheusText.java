package io.timefusion.gateway.metrics;

import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestPrometheusText
{
    @Test
    void writesFamiliesSamplesAndEscapedLabels()
    {
        String text = new PrometheusText()
                .family("requests_total", "counter", "Requests\nby path")
                .sample("requests_total", ImmutableMap.of("path", "/a\"b\\c", "code", "200"), 42)
                .sample("requests_total", Map.of(), 0.25)
                .toString();
        assertThat(text).isEqualTo("""
                # HELP requests_total Requests\\nby path
                # TYPE requests_total counter
                requests_total{path="/a\\"b\\\\c",code="200"} 42
                requests_total 0.25
                """);
    }

    @Test
    void histogramBucketsAreCumulativeAndEndWithInfinity()
    {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(500_000);
        histogram.record(3_000_000);
        histogram.record(3_000_000);
        histogram.record(400_000_000_000L);
        String text = new PrometheusText().histogram("latency_seconds", "Latency", histogram.snapshot()).toString();
        assertThat(text)
                .contains("latency_seconds_bucket{le=\"0.001\"} 1\n")
                .contains("latency_seconds_bucket{le=\"0.0025\"} 1\n")
                .contains("latency_seconds_bucket{le=\"0.005\"} 3\n")
                .contains("latency_seconds_bucket{le=\"300\"} 3\n")
                .contains("latency_seconds_bucket{le=\"+Inf\"} 4\n")
                .contains("latency_seconds_count 4\n")
                .contains("latency_seconds_sum 400.0065\n");
    }
}
