package io.timefusion.gateway.metrics;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes the Prometheus text exposition format, version 0.0.4. Written by hand rather than with a client library:
 * none is managed by the Trino BOM the gateway builds against, and the format is a few lines.
 */
public final class PrometheusText
{
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder();

    /** Starts a metric family: its HELP and TYPE lines. */
    public PrometheusText family(String name, String type, String help)
    {
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** A family with a single unlabelled sample: most metrics are one number. */
    public PrometheusText metric(String name, String type, String help, double value)
    {
        return family(name, type, help).sample(name, value);
    }

    public PrometheusText sample(String name, double value)
    {
        return sample(name, Map.of(), value);
    }

    public PrometheusText sample(String name, Map<String, String> labels, double value)
    {
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{');
            String separator = "";
            for (Map.Entry<String, String> label : labels.entrySet()) {
                text.append(separator).append(label.getKey()).append("=\"").append(escapeLabelValue(label.getValue())).append('"');
                separator = ",";
            }
            text.append('}');
        }
        text.append(' ').append(number(value)).append('\n');
        return this;
    }

    /** A histogram family: cumulative buckets by upper bound ({@code le}), then the sum and the count. */
    public PrometheusText histogram(String name, String help, LatencyHistogram.Snapshot histogram)
    {
        family(name, "histogram", help);
        double[] bounds = histogram.upperBoundsSeconds();
        for (int i = 0; i < bounds.length; i++) {
            sample(name + "_bucket", Map.of("le", number(bounds[i])), histogram.cumulativeCounts()[i]);
        }
        sample(name + "_bucket", Map.of("le", "+Inf"), histogram.count());
        sample(name + "_sum", histogram.sumSeconds());
        return sample(name + "_count", histogram.count());
    }

    @Override
    public String toString()
    {
        return text.toString();
    }

    private static String number(double value)
    {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        // whole numbers without a fraction (counters read 42, not 42.0), others without an exponent
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : BigDecimal.valueOf(value).toPlainString();
    }

    private static String escapeLabelValue(String value)
    {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
