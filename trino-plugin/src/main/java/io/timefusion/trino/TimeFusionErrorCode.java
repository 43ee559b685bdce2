package io.timefusion.trino;

import io.timefusion.contract.ConnectorErrorCode;
import io.trino.spi.ErrorCode;
import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.ErrorType;

import static io.trino.spi.ErrorType.EXTERNAL;
import static io.trino.spi.ErrorType.USER_ERROR;

/** Each of the connector's error codes, which {@link ConnectorErrorCode} numbers and documents, as Trino's ErrorCode with its type. */
public enum TimeFusionErrorCode
        implements ErrorCodeSupplier
{
    TIMEFUSION_CORRUPT_DELTA_LOG(EXTERNAL),
    TIMEFUSION_STORAGE_ERROR(EXTERNAL),
    TIMEFUSION_COMMIT_CONFLICT(EXTERNAL),
    TIMEFUSION_INCOMPATIBLE_TABLE(EXTERNAL),
    TIMEFUSION_INVALID_ROW(USER_ERROR),
    TIMEFUSION_PROJECT_ERROR(USER_ERROR),
    TIMEFUSION_INGEST_BATCH_UNAVAILABLE(EXTERNAL),
    TIMEFUSION_GATEWAY_ERROR(USER_ERROR),
    TIMEFUSION_BUFFER_UNAVAILABLE(EXTERNAL),
    TIMEFUSION_BUFFER_REFUSED(EXTERNAL),
    TIMEFUSION_BUFFER_EXPIRED(EXTERNAL),
    TIMEFUSION_BUFFER_CORRUPT(EXTERNAL),
    TIMEFUSION_REWRITE_CONFLICT(EXTERNAL),
    TIMEFUSION_MAINTENANCE_FAILED(EXTERNAL),
    TIMEFUSION_INVALID_PROJECT_REGISTRATION(USER_ERROR);

    private final ErrorCode errorCode;

    TimeFusionErrorCode(ErrorType type)
    {
        // the contract's code of the same name: a constant the contract lacks fails this enum's initialization
        errorCode = new ErrorCode(ConnectorErrorCode.valueOf(name()).code(), name(), type);
    }

    @Override
    public ErrorCode toErrorCode()
    {
        return errorCode;
    }
}
