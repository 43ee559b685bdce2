package io.timefusion.testing;

import io.trino.execution.QueryInfo;
import io.trino.execution.StageInfo;
import io.trino.execution.TaskInfo;
import io.trino.operator.OperatorStats;
import io.trino.operator.PipelineStats;
import io.trino.spi.QueryId;
import io.trino.testing.DistributedQueryRunner;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** What a finished query did, read from the coordinator's query info: how many splits it scanned and where operators ran. */
public final class QueryStatistics
{
    /** A table scan runs as one of these operators, the second when a filter or projection is fused into it. */
    public static final Set<String> TABLE_SCANS = Set.of("TableScanOperator", "ScanFilterAndProjectOperator");
    public static final Set<String> TABLE_WRITERS = Set.of("TableWriterOperator");

    private QueryStatistics() {}

    /** Splits processed by table scans: each data file the connector hands out is one split. */
    public static long splitsScanned(DistributedQueryRunner queryRunner, QueryId queryId)
    {
        return queryInfo(queryRunner, queryId).getQueryStats().getOperatorSummaries().stream()
                .filter(operator -> TABLE_SCANS.contains(operator.getOperatorType()))
                .mapToLong(OperatorStats::getTotalDrivers)
                .sum();
    }

    /**
     * Rows the connector read for the table scans: what was left after it skipped files and row groups, counted
     * before it filtered the rows (its page sources report that count to the engine as physical input).
     */
    public static long rowsRead(DistributedQueryRunner queryRunner, QueryId queryId)
    {
        return queryInfo(queryRunner, queryId).getQueryStats().getOperatorSummaries().stream()
                .filter(operator -> TABLE_SCANS.contains(operator.getOperatorType()))
                .mapToLong(OperatorStats::getPhysicalInputPositions)
                .sum();
    }

    /** The nodes on which an operator of the given type received at least one row. */
    public static Set<String> nodesWithRowsThrough(DistributedQueryRunner queryRunner, QueryId queryId, Set<String> operatorTypes)
    {
        Set<String> nodes = new HashSet<>();
        queryInfo(queryRunner, queryId).getOutputStage().stream()
                .flatMap(QueryStatistics::withSubStages)
                .flatMap(stage -> stage.getTasks().stream())
                .filter(task -> hasRowsThrough(task, operatorTypes))
                .forEach(task -> nodes.add(task.taskStatus().getNodeId()));
        return nodes;
    }

    private static boolean hasRowsThrough(TaskInfo task, Set<String> operatorTypes)
    {
        return task.stats().getPipelines().stream()
                .map(PipelineStats::getOperatorSummaries)
                .flatMap(java.util.List::stream)
                .anyMatch(operator -> operatorTypes.contains(operator.getOperatorType()) && operator.getInputPositions() > 0);
    }

    private static Stream<StageInfo> withSubStages(StageInfo stage)
    {
        return Stream.concat(Stream.of(stage), stage.getSubStages().stream().flatMap(QueryStatistics::withSubStages));
    }

    private static QueryInfo queryInfo(DistributedQueryRunner queryRunner, QueryId queryId)
    {
        return queryRunner.getCoordinator().getQueryManager().getFullQueryInfo(queryId);
    }
}
