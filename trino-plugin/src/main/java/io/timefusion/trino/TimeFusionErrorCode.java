package io.timefusion.trino;

import io.trino.spi.ErrorCode;
import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.ErrorType;

import static io.trino.spi.ErrorType.EXTERNAL;
import static io.trino.spi.ErrorType.USER_ERROR;

public enum TimeFusionErrorCode
        implements ErrorCodeSupplier
{
    /** A Delta log file that cannot be parsed: the table is left as it was, nothing is repaired silently. */
    TIMEFUSION_CORRUPT_DELTA_LOG(0, EXTERNAL),
    /** The object store refused or failed a request (credentials, bucket, network). */
    TIMEFUSION_STORAGE_ERROR(1, EXTERNAL),
    /** Too many concurrent commits took the versions this commit tried. */
    TIMEFUSION_COMMIT_CONFLICT(2, EXTERNAL),
    /** The table location holds a Delta table that is not an otel_logs_and_spans table. */
    TIMEFUSION_INCOMPATIBLE_TABLE(3, EXTERNAL),
    /** A row that cannot be stored, such as NULL in a NOT NULL column. */
    TIMEFUSION_INVALID_ROW(4, USER_ERROR),
    /** A project registration that is invalid, or a query on a project that was unregistered. */
    TIMEFUSION_PROJECT_ERROR(5, USER_ERROR),
    /** The gateway did not serve the batch an ingest_batch call names by URL (unreachable, or fetched before). */
    TIMEFUSION_INGEST_BATCH_UNAVAILABLE(6, EXTERNAL),
    /** A gateway announcement or retirement that is invalid, or a gateway this node does not know. */
    TIMEFUSION_GATEWAY_ERROR(7, USER_ERROR),
    /** A live gateway could not be reached (connection, timeout, HTTP 5xx) while timefusion.buffer.unavailable-gateway=fail. */
    TIMEFUSION_BUFFER_UNAVAILABLE(8, EXTERNAL),
    /** A gateway refused the fetch of its buffered rows: wrong token (401), another gateway id (409), malformed request (400). */
    TIMEFUSION_BUFFER_REFUSED(9, EXTERNAL),
    /** The gateway no longer keeps the rows above the query's watermark (410): they were flushed meanwhile; retrying the query reads them from Delta. */
    TIMEFUSION_BUFFER_EXPIRED(10, EXTERNAL),
    /** A gateway's answer is not a well-formed stream of batch frames (cut short, oversized or corrupt frame). */
    TIMEFUSION_BUFFER_CORRUPT(11, EXTERNAL),
    /** A rewrite (OPTIMIZE) lost a race: a file it read was removed by another commit meanwhile; nothing of it was committed. */
    TIMEFUSION_REWRITE_CONFLICT(12, EXTERNAL),
    /** A maintenance step (VACUUM, log cleanup) could not finish on one of the tables; the others were done. */
    TIMEFUSION_MAINTENANCE_FAILED(13, EXTERNAL);

    private final ErrorCode errorCode;

    TimeFusionErrorCode(int code, ErrorType type)
    {
        // 0x0700_0000 keeps clear of the ranges Trino's bundled connectors use
        errorCode = new ErrorCode(code + 0x0700_0000, name(), type);
    }

    @Override
    public ErrorCode toErrorCode()
    {
        return errorCode;
    }
}
