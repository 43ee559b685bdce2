package io.timefusion.trino.read;

import io.airlift.slice.Slice;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.timefusion.trino.metadata.TimeFusionTableHandle;
import io.trino.spi.connector.AggregateFunction;
import io.trino.spi.connector.AggregationApplicationResult;
import io.trino.spi.connector.Assignment;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ProjectionApplicationResult;
import io.trino.spi.expression.Call;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.Constant;
import io.trino.spi.expression.FunctionName;
import io.trino.spi.expression.Variable;
import io.trino.spi.type.StandardTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.trino.plugin.base.expression.ConnectorExpressions.extractVariables;

/**
 * Counts over time computed by the scan: {@code SELECT time_bucket(width, timestamp), count(*) ... GROUP BY 1} (or
 * {@code date_trunc('hour', timestamp)}), a dashboard's most common query. Trino first pushes the bucket as a column ({@link TimeBucketColumn}),
 * then the count grouped by it: the scan then reads only {@code timestamp} and returns one row per bucket, so the plan
 * loses the aggregation's two stages and their exchanges (on one node, each costs more than the counting).
 */
public final class TimeBucketPushdown
{
    private static final FunctionName TIME_BUCKET = new FunctionName("time_bucket");
    private static final FunctionName COUNT = new FunctionName("count");
    private static final FunctionName DATE_TRUNC = new FunctionName("date_trunc");
    // date_trunc to these is the bucket of that width: stored timestamps are UTC, where days start at midnight and
    // weeks on Monday, as on time_bucket's grid (through Monday 2000-01-03 00:00 UTC); months and years vary in length
    private static final Map<String, Long> FIXED_UNIT_MILLIS = Map.of(
            "millisecond", 1L,
            "second", 1_000L,
            "minute", 60_000L,
            "hour", 3_600_000L,
            "day", 86_400_000L,
            "week", 604_800_000L);

    private TimeBucketPushdown() {}

    /** Replaces each {@code time_bucket(interval, timestamp)} in the projections by a column the scan computes. */
    public static Optional<ProjectionApplicationResult<ConnectorTableHandle>> applyProjection(TimeFusionTableHandle handle, List<ConnectorExpression> projections, Map<String, ColumnHandle> assignments)
    {
        if (!handle.readsRows()) {
            return Optional.empty();
        }
        Map<String, ColumnHandle> columns = new LinkedHashMap<>(assignments);
        List<ConnectorExpression> rewritten = projections.stream().map(projection -> rewrite(projection, columns)).toList();
        if (columns.size() == assignments.size()) {
            return Optional.empty();
        }
        List<Assignment> scanned = new ArrayList<>();
        for (Variable variable : rewritten.stream().flatMap(projection -> extractVariables(projection).stream()).distinct().toList()) {
            scanned.add(new Assignment(variable.getName(), columns.get(variable.getName()), variable.getType()));
        }
        return Optional.of(new ProjectionApplicationResult<>(handle, rewritten, scanned, false));
    }

    private static ConnectorExpression rewrite(ConnectorExpression expression, Map<String, ColumnHandle> columns)
    {
        if (!(expression instanceof Call call)) {
            return expression;
        }
        Optional<TimeBucketColumn> bucket = bucketColumn(call, columns);
        if (bucket.isPresent()) {
            String name = variableName(bucket.get(), columns);
            columns.put(name, bucket.get());
            return new Variable(name, call.getType());
        }
        List<ConnectorExpression> arguments = call.getArguments().stream().map(argument -> rewrite(argument, columns)).toList();
        return arguments.equals(call.getArguments()) ? call : new Call(call.getType(), call.getFunctionName(), arguments);
    }

    /**
     * {@code time_bucket(INTERVAL 'n' unit, timestamp)} with a constant day-to-second width, or {@code date_trunc(unit,
     * timestamp)} to a unit of fixed length, over the table's own timestamp column.
     */
    private static Optional<TimeBucketColumn> bucketColumn(Call call, Map<String, ColumnHandle> columns)
    {
        if (call.getArguments().size() != 2 || !call.getType().equals(TimeBucketColumn.TYPE)
                || !(call.getArguments().get(1) instanceof Variable timestamp)
                || !(columns.get(timestamp.getName()) instanceof TimeFusionColumnHandle column) || !column.name().equals(OtelLogsAndSpansTable.TIMESTAMP)
                || !(call.getArguments().get(0) instanceof Constant first)) {
            return Optional.empty();
        }
        if (call.getFunctionName().equals(TIME_BUCKET) && first.getType().getBaseName().equals(StandardTypes.INTERVAL_DAY_TO_SECOND)
                && first.getValue() instanceof Long millis && millis > 0) {
            return Optional.of(new TimeBucketColumn(millis));
        }
        if (call.getFunctionName().equals(DATE_TRUNC) && first.getValue() instanceof Slice unit) {
            return Optional.ofNullable(FIXED_UNIT_MILLIS.get(unit.toStringUtf8().toLowerCase(Locale.ENGLISH))).map(TimeBucketColumn::new);
        }
        return Optional.empty();
    }

    private static String variableName(TimeBucketColumn bucket, Map<String, ColumnHandle> columns)
    {
        String name = "time_bucket_" + bucket.widthMillis();
        for (int suffix = 1; columns.containsKey(name) && !columns.get(name).equals(bucket); suffix++) {
            name = "time_bucket_" + bucket.widthMillis() + "_" + suffix;
        }
        return name;
    }

    /** {@code count(*)} grouped by one pushed {@code time_bucket} column, over a scan that leaves the engine nothing to filter. */
    public static Optional<AggregationApplicationResult<ConnectorTableHandle>> applyAggregation(TimeFusionTableHandle handle, List<AggregateFunction> aggregates, List<List<ColumnHandle>> groupingSets)
    {
        if (!handle.readsRows() || groupingSets.size() != 1 || groupingSets.getFirst().size() != 1
                || !(groupingSets.getFirst().getFirst() instanceof TimeBucketColumn bucket)
                || aggregates.isEmpty() || !aggregates.stream().allMatch(TimeBucketPushdown::isCountOfRows)) {
            return Optional.empty();
        }
        Variable count = new Variable("rows_counted", RowCountColumn.TYPE);
        return Optional.of(new AggregationApplicationResult<>(
                handle.withCountPerBucket(bucket),
                aggregates.stream().map(_ -> (ConnectorExpression) count).toList(),
                List.of(new Assignment(count.getName(), RowCountColumn.COUNT, RowCountColumn.TYPE)),
                Map.of(bucket, bucket),
                false));
    }

    private static boolean isCountOfRows(AggregateFunction aggregate)
    {
        return aggregate.getFunctionName().equals(COUNT.getName()) && aggregate.getArguments().isEmpty() && !aggregate.isDistinct()
                && aggregate.getFilter().isEmpty() && aggregate.getSortItems().isEmpty() && aggregate.getOutputType().equals(RowCountColumn.TYPE);
    }
}
