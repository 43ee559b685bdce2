package io.timefusion.contract;

/**
 * Names in the connector's {@code system} schema that the gateway's statements call. Trino resolves them only when a
 * statement runs, so a name changed on one side alone would still compile and then fail every such statement.
 */
public final class SystemSchema
{
    public static final String NAME = "system";

    /** The table function the gateway's INSERTs read a batch from: {@code TABLE(<catalog>.system.ingest_batch(batch => … | url => …))}. */
    public static final String INGEST_BATCH = "ingest_batch";

    public static final String REGISTER_PROJECT = "register_project";
    public static final String UNREGISTER_PROJECT = "unregister_project";
    public static final String ANNOUNCE_GATEWAY = "announce_gateway";
    public static final String RETIRE_GATEWAY = "retire_gateway";
    public static final String VACUUM = "vacuum";
    public static final String CLEANUP_LOG = "cleanup_log";

    public static final String PROJECTS_TABLE = "projects";
    public static final String PARTITIONS_TABLE = "partitions";
    public static final String MAINTENANCE_RUNS_TABLE = "maintenance_runs";

    private SystemSchema() {}
}
