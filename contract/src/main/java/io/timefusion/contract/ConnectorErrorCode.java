package io.timefusion.contract;

/**
 * The connector's error codes as Trino reports them to clients: {@link #code()} is what Trino JDBC's
 * {@code SQLException.getErrorCode()} returns, {@link #name()} Trino's error name. The gateway tells the connector's
 * failures apart by these codes, never by their messages.
 */
public enum ConnectorErrorCode
{
    /** A Delta log file that cannot be parsed: the table is left as it was, nothing is repaired silently. */
    TIMEFUSION_CORRUPT_DELTA_LOG(0),
    /** The object store refused or failed a request (credentials, bucket, network). */
    TIMEFUSION_STORAGE_ERROR(1),
    /** Too many concurrent commits took the versions this commit tried. */
    TIMEFUSION_COMMIT_CONFLICT(2),
    /** The table location holds a Delta table that is not an otel_logs_and_spans table. */
    TIMEFUSION_INCOMPATIBLE_TABLE(3),
    /** A row that cannot be stored, such as NULL in a NOT NULL column. */
    TIMEFUSION_INVALID_ROW(4),
    /** A project that is not or no longer registered, or a project secret that cannot be read or stored. */
    TIMEFUSION_PROJECT_ERROR(5),
    /** The gateway did not serve the batch an ingest_batch call names by URL (unreachable, or fetched before). */
    TIMEFUSION_INGEST_BATCH_UNAVAILABLE(6),
    /** A gateway announcement or retirement that is invalid, or a gateway this node does not know. */
    TIMEFUSION_GATEWAY_ERROR(7),
    /** A live gateway could not be reached (connection, timeout, HTTP 5xx) while timefusion.buffer.unavailable-gateway=fail. */
    TIMEFUSION_BUFFER_UNAVAILABLE(8),
    /** A gateway refused the fetch of its buffered rows: wrong token (401), another gateway id (409), malformed request (400). */
    TIMEFUSION_BUFFER_REFUSED(9),
    /** The gateway no longer keeps the rows above the query's watermark (410): they were flushed meanwhile; retrying the query reads them from Delta. */
    TIMEFUSION_BUFFER_EXPIRED(10),
    /** A gateway's answer is not a well-formed stream of batch frames (cut short, oversized or corrupt frame). */
    TIMEFUSION_BUFFER_CORRUPT(11),
    /** A rewrite (OPTIMIZE) lost a race: a file it read was removed by another commit meanwhile; nothing of it was committed. */
    TIMEFUSION_REWRITE_CONFLICT(12),
    /** A maintenance step (VACUUM, log cleanup) could not finish on one of the tables; the others were done. */
    TIMEFUSION_MAINTENANCE_FAILED(13),
    /** A project registration that breaks the rules; its message lists every problem ({@link ProjectRegistrationProblems}). */
    TIMEFUSION_INVALID_PROJECT_REGISTRATION(14);

    // keeps clear of the ranges Trino's bundled connectors use
    private static final int FIRST_CODE = 0x0700_0000;

    private final int code;

    ConnectorErrorCode(int offset)
    {
        this.code = FIRST_CODE + offset;
    }

    public int code()
    {
        return code;
    }
}
