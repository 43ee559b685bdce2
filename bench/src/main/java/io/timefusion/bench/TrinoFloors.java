package io.timefusion.bench;

/**
 * What a statement costs before it reads a row, measured in the same rounds as the queries: the yardsticks of issue
 * 16's "within 1.5× Trino's floor".
 *
 * @param selectOneStraight {@code SELECT 1} straight on Trino (Trino JDBC)
 * @param selectOneThroughGateway {@code SELECT 1} through the gateway
 * @param tableThroughGateway Q7's statement for a project without rows, through the gateway: a scan of this table
 * (its 88 columns to plan, a task and its splits, the buffer's split) with no file to read
 * @param systemTableStraight {@link #SYSTEM_TABLE_LOOKUP} straight on Trino: what the engine itself costs for a
 * filtered scan of a table, with no connector of ours and nothing stored to read
 */
record TrinoFloors(Latencies selectOneStraight, Latencies selectOneThroughGateway, Latencies tableThroughGateway, Latencies systemTableStraight)
{
    /** A lookup in a small in-memory table of Trino's own (five columns, one row here), that matches no row. */
    static final String SYSTEM_TABLE_LOOKUP = "SELECT node_id FROM system.runtime.nodes WHERE node_id = 'no-such-node'";
}
