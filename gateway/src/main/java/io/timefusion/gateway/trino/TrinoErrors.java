package io.timefusion.gateway.trino;

import com.google.common.base.Throwables;
import com.google.common.collect.ImmutableMap;
import io.trino.spi.StandardErrorCode;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.google.common.collect.ImmutableMap.toImmutableMap;

/**
 * Maps Trino failures, which reach JDBC as numeric error codes, onto the SQLSTATEs Postgres clients act on.
 * Connector errors (timefusion's own codes) have no Postgres twin and fall back to the class of their type.
 */
public final class TrinoErrors
{
    private static final Pattern QUERY_FAILED_PREFIX = Pattern.compile("^Query failed \\([^)]*\\): ");
    // a place in the translated statement, which the client never saw
    private static final Pattern POSITION_PREFIX = Pattern.compile("^line \\d+:\\d+: ");
    private static final Pattern FUNCTION_NOT_REGISTERED = Pattern.compile("^Function '([^']+)' not registered");

    private static final Map<Integer, StandardErrorCode> STANDARD_CODES = Arrays.stream(StandardErrorCode.values())
            .collect(toImmutableMap(code -> code.toErrorCode().getCode(), code -> code));

    private static final Map<StandardErrorCode, String> SQL_STATES = ImmutableMap.<StandardErrorCode, String>builder()
            .put(StandardErrorCode.SYNTAX_ERROR, "42601")
            .put(StandardErrorCode.TABLE_NOT_FOUND, "42P01")
            .put(StandardErrorCode.COLUMN_NOT_FOUND, "42703")
            .put(StandardErrorCode.MISSING_COLUMN_NAME, "42703")
            .put(StandardErrorCode.SCHEMA_NOT_FOUND, "3F000")
            .put(StandardErrorCode.CATALOG_NOT_FOUND, "3D000")
            .put(StandardErrorCode.FUNCTION_NOT_FOUND, "42883")
            .put(StandardErrorCode.OPERATOR_NOT_FOUND, "42883")
            .put(StandardErrorCode.TYPE_MISMATCH, "42804")
            .put(StandardErrorCode.TYPE_NOT_FOUND, "42704")
            .put(StandardErrorCode.AMBIGUOUS_NAME, "42702")
            .put(StandardErrorCode.AMBIGUOUS_FUNCTION_CALL, "42725")
            .put(StandardErrorCode.DUPLICATE_COLUMN_NAME, "42701")
            .put(StandardErrorCode.ALREADY_EXISTS, "42P07")
            .put(StandardErrorCode.PERMISSION_DENIED, "42501")
            .put(StandardErrorCode.DIVISION_BY_ZERO, "22012")
            .put(StandardErrorCode.INVALID_CAST_ARGUMENT, "22P02")
            .put(StandardErrorCode.INVALID_FUNCTION_ARGUMENT, "22023")
            .put(StandardErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "22003")
            .put(StandardErrorCode.INVALID_LITERAL, "22007")
            .put(StandardErrorCode.CONSTRAINT_VIOLATION, "23502")
            .put(StandardErrorCode.NOT_SUPPORTED, "0A000")
            // two changes of the same rows: the second is refused whole and can be run again, as after a serialization failure
            .put(StandardErrorCode.TRANSACTION_CONFLICT, "40001")
            // Postgres' MERGE says "cannot affect row a second time" with this state
            .put(StandardErrorCode.MERGE_TARGET_ROW_MULTIPLE_MATCHES, "21000")
            .put(StandardErrorCode.USER_CANCELED, "57014")
            .put(StandardErrorCode.ADMINISTRATIVELY_KILLED, "57P01")
            .put(StandardErrorCode.EXCEEDED_TIME_LIMIT, "57014")
            .put(StandardErrorCode.QUERY_TEXT_TOO_LARGE, "54000")
            .put(StandardErrorCode.SUBQUERY_MULTIPLE_ROWS, "21000")
            .put(StandardErrorCode.EXCEEDED_GLOBAL_MEMORY_LIMIT, "53200")
            .put(StandardErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT, "53200")
            .put(StandardErrorCode.NO_NODES_AVAILABLE, "57P03")
            .put(StandardErrorCode.SERVER_STARTING_UP, "57P03")
            .put(StandardErrorCode.SERVER_SHUTTING_DOWN, "57P01")
            .buildOrThrow();

    private TrinoErrors() {}

    public static PgError toPgError(SQLException e)
    {
        String message = POSITION_PREFIX.matcher(messageOf(e)).replaceFirst("");
        Optional<StandardErrorCode> code = Optional.ofNullable(STANDARD_CODES.get(e.getErrorCode()));
        Matcher unknownFunction = FUNCTION_NOT_REGISTERED.matcher(message);
        if (code.equals(Optional.of(StandardErrorCode.FUNCTION_NOT_FOUND)) && unknownFunction.find()) {
            return new PgError("42883", "function %s does not exist".formatted(unknownFunction.group(1)));
        }
        if (code.equals(Optional.of(StandardErrorCode.AMBIGUOUS_FUNCTION_CALL))) {
            // Trino's wording names a position in the translated statement, which the client never saw
            return new PgError("42725", "function call is not unique: could not choose a best candidate function, you might need to add explicit type casts");
        }
        if (code.isPresent() && SQL_STATES.containsKey(code.get())) {
            return new PgError(SQL_STATES.get(code.get()), message);
        }
        if (e.getErrorCode() == 0 && e.getSQLState() == null) {
            // the driver itself failed: Trino is unreachable or answered something unexpected
            return new PgError("08006", "Trino is not reachable: " + driverFailure(e));
        }
        return new PgError(code.map(TrinoErrors::classOf).orElse("XX000"), message);
    }

    /** Another change of the same rows committed first; nothing of this statement was stored, so it can run again. */
    public static boolean isTransactionConflict(SQLException e)
    {
        return e.getErrorCode() == StandardErrorCode.TRANSACTION_CONFLICT.toErrorCode().getCode();
    }

    /** Trino's message without the query id the driver puts in front: the same failure has the same message. */
    public static String messageOf(SQLException e)
    {
        return QUERY_FAILED_PREFIX.matcher(Optional.ofNullable(e.getMessage()).orElse("query failed")).replaceFirst("");
    }

    /** Trino found several functions or operators that take the arguments and could not choose among them. */
    public static boolean isAmbiguousFunctionCall(SQLException e)
    {
        return e.getErrorCode() == StandardErrorCode.AMBIGUOUS_FUNCTION_CALL.toErrorCode().getCode();
    }

    /** What went wrong in the driver, in the words of its innermost cause: the outer messages repeat it after Java class names. */
    private static String driverFailure(SQLException e)
    {
        String message = Throwables.getRootCause(e).getMessage();
        return message == null || message.isBlank() ? "the request failed" : message.lines().findFirst().orElse("").strip();
    }

    private static String classOf(StandardErrorCode code)
    {
        return switch (code.toErrorCode().getType()) {
            case USER_ERROR -> "42000";
            case INSUFFICIENT_RESOURCES -> "53000";
            case INTERNAL_ERROR, EXTERNAL -> "XX000";
        };
    }
}
