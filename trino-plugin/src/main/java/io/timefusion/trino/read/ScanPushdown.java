package io.timefusion.trino.read;

import io.airlift.slice.Slice;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;
import io.timefusion.trino.metadata.TimeFusionTableHandle;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.ConstraintApplicationResult;
import io.trino.spi.connector.SortItem;
import io.trino.spi.connector.TopNApplicationResult;
import io.trino.spi.expression.Call;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.Constant;
import io.trino.spi.expression.Variable;
import io.trino.spi.predicate.TupleDomain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trino.plugin.base.expression.ConnectorExpressions.and;
import static io.trino.plugin.base.expression.ConnectorExpressions.extractConjuncts;
import static io.trino.spi.expression.StandardFunctions.LIKE_FUNCTION_NAME;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * What of a query the scan takes over from the engine: the WHERE it enforces ({@link RowFilter}: domains of scalar
 * columns, {@code LIKE} on text; partition columns by pruning) and, when that leaves the engine nothing to filter,
 * {@code ORDER BY timestamp LIMIT n} ({@link TopNScan}).
 */
public final class ScanPushdown
{
    private ScanPushdown() {}

    public static Optional<ConstraintApplicationResult<ConnectorTableHandle>> applyFilter(TimeFusionTableHandle handle, Constraint constraint)
    {
        if (handle.topN().isPresent() || handle.countPerBucket().isPresent()) {
            // the scan's rows were chosen for its ORDER BY ... LIMIT, or counted: a filter below it now would change that
            return Optional.empty();
        }
        // a domain of a computed column (a pushed time_bucket) stays with the engine
        TupleDomain<TimeFusionColumnHandle> pushed = constraint.getSummary()
                .filter((column, _) -> column instanceof TimeFusionColumnHandle)
                .transformKeys(TimeFusionColumnHandle.class::cast);
        TupleDomain<ColumnHandle> computed = constraint.getSummary().filter((column, _) -> !(column instanceof TimeFusionColumnHandle));
        TupleDomain<TimeFusionColumnHandle> combined = handle.constraint().intersect(pushed);
        List<LikeFilter> likes = new ArrayList<>(handle.likes());
        List<ConnectorExpression> remaining = new ArrayList<>();
        for (ConnectorExpression conjunct : extractConjuncts(constraint.getExpression())) {
            Optional<LikeFilter> like = likeFilter(conjunct, constraint.getAssignments());
            if (like.isEmpty()) {
                remaining.add(conjunct);
            }
            else if (!likes.contains(like.get())) {
                likes.add(like.get());
            }
        }
        if (combined.equals(handle.constraint()) && likes.equals(handle.likes())) {
            return Optional.empty();
        }
        TupleDomain<ColumnHandle> remainingDomains = pushed
                .filter((column, _) -> !OtelLogsAndSpansTable.isPartitionColumn(column.name()) && !RowFilter.enforces(column))
                .transformKeys(ColumnHandle.class::cast)
                .intersect(computed);
        return Optional.of(new ConstraintApplicationResult<>(handle.withFilter(combined, likes), remainingDomains, and(remaining), false));
    }

    /** {@code column LIKE 'constant'}, with an escape character or none, on a text column the row filter reads. */
    private static Optional<LikeFilter> likeFilter(ConnectorExpression expression, Map<String, ColumnHandle> assignments)
    {
        if (!(expression instanceof Call call) || !call.getFunctionName().equals(LIKE_FUNCTION_NAME) || call.getArguments().size() > 3
                || !(call.getArguments().get(0) instanceof Variable variable)
                || !(assignments.get(variable.getName()) instanceof TimeFusionColumnHandle column)
                || !column.type().equals(VARCHAR) || !RowFilter.enforces(column)) {
            return Optional.empty();
        }
        Optional<String> pattern = text(call.getArguments().get(1));
        Optional<String> escape = call.getArguments().size() == 3 ? text(call.getArguments().get(2)) : Optional.of("");
        if (pattern.isEmpty() || escape.isEmpty() || escape.get().length() > 1) {
            return Optional.empty();
        }
        LikeFilter like = new LikeFilter(column, pattern.get(), escape.get().chars().mapToObj(character -> (char) character).findFirst());
        try {
            like.compile();
        }
        catch (IllegalArgumentException e) {
            // Trino reports the malformed pattern itself
            return Optional.empty();
        }
        return Optional.of(like);
    }

    private static Optional<String> text(ConnectorExpression expression)
    {
        return expression instanceof Constant constant && constant.getValue() instanceof Slice value
                ? Optional.of(value.toStringUtf8())
                : Optional.empty();
    }

    /**
     * {@code ORDER BY timestamp [ASC|DESC] [, ...] LIMIT n}: Trino asks only when the scan leaves it nothing to filter.
     * Not guaranteed: the engine still sorts and limits the rows of the files read.
     */
    public static Optional<TopNApplicationResult<ConnectorTableHandle>> applyTopN(TimeFusionTableHandle handle, long count, List<SortItem> sortItems, Map<String, ColumnHandle> assignments)
    {
        if (!handle.readsRows() || count > TopNScan.MAX_COUNT || sortItems.isEmpty()) {
            return Optional.empty();
        }
        SortItem first = sortItems.getFirst();
        if (!(assignments.get(first.getName()) instanceof TimeFusionColumnHandle column) || !column.name().equals(OtelLogsAndSpansTable.TIMESTAMP)) {
            return Optional.empty();
        }
        return Optional.of(new TopNApplicationResult<>(handle.withTopN(new TopNScan(count, !first.getSortOrder().isAscending())), false, false));
    }
}
