package io.timefusion.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Median and range of a few measured runs: with 3–5 runs on a shared machine a mean would hide the outliers. */
record Summary(double median, double min, double max, int count)
{
    static <T> Summary of(List<T> runs, ToDoubleFunction<T> value)
    {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        if (values.length == 0) {
            throw new IllegalArgumentException("no runs");
        }
        int middle = values.length / 2;
        double median = values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return new Summary(median, values[0], values[values.length - 1], values.length);
    }
}
