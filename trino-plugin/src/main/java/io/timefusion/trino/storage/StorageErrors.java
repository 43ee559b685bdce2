package io.timefusion.trino.storage;

import io.trino.filesystem.Location;
import io.trino.spi.TrinoException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.Optional;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_STORAGE_ERROR;

/**
 * Turns filesystem failures into errors a user can act on: which bucket or directory, and the S3 error code
 * (AccessDenied, InvalidAccessKeyId, NoSuchBucket, …). Credentials never appear: the AWS SDK does not put
 * them into messages, and neither do we.
 */
public final class StorageErrors
{
    private StorageErrors() {}

    public static TrinoException storageError(String action, Location location, Exception cause)
    {
        String where = location.scheme().filter(scheme -> scheme.startsWith("s3")).isPresent()
                ? "bucket '%s' (key %s)".formatted(location.host().orElse("?"), location.path())
                : "local storage (%s)".formatted(location.path());
        String what = s3ErrorCode(cause)
                .map(code -> "S3 error " + code)
                .orElseGet(() -> rootMessage(cause));
        return new TrinoException(TIMEFUSION_STORAGE_ERROR, "Failed to %s in %s: %s".formatted(action, where, what), cause);
    }

    private static Optional<String> s3ErrorCode(Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
                String code = aws.awsErrorDetails().errorCode();
                return Optional.of("%s (HTTP %d)".formatted(code == null ? "unknown" : code, aws.statusCode()));
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable failure)
    {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
