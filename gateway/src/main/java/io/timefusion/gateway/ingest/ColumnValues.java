package io.timefusion.gateway.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.timefusion.contract.BatchColumnType;
import io.timefusion.gateway.pgwire.types.PgDataException;
import io.timefusion.gateway.pgwire.types.PgType;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Turns what clients send into the values of a {@link RowBatch}: Postgres text forms (COPY text/CSV, text-format
 * binds, SQL literals) through the pgwire codecs, and values already decoded from binary binds, converted to the
 * column's type as Postgres' assignment casts do. Refusals carry Postgres' SQLSTATE and name the column.
 */
public final class ColumnValues
{
    private static final JsonFactory JSON = new JsonFactory();

    private ColumnValues() {}

    public static Object fromText(IngestTable table, IngestColumn column, String text)
            throws IngestException
    {
        if (text == null) {
            return checkNull(table, column);
        }
        try {
            return switch (column.type()) {
                case VARCHAR -> text;
                case JSON -> validJson(column, text);
                case INTEGER -> PgType.INT4.decodeText(bytes(text));
                case BIGINT -> PgType.INT8.decodeText(bytes(text));
                case BOOLEAN -> PgType.BOOL.decodeText(bytes(text));
                case TIMESTAMPTZ -> instant(PgType.TIMESTAMPTZ.decodeText(bytes(text)));
                case DATE -> PgType.DATE.decodeText(bytes(text));
                case VARCHAR_ARRAY -> PgType.TEXT_ARRAY.decodeText(bytes(text));
            };
        }
        catch (PgDataException e) {
            throw refused(column, e.sqlState(), e.getMessage(), e);
        }
    }

    /**
     * The value of a bind or literal the codecs already decoded (Short, Integer, Long, BigDecimal, Boolean,
     * OffsetDateTime, LocalDateTime, LocalDate, String, List), converted to the column's type.
     */
    public static Object fromValue(IngestTable table, IngestColumn column, Object value)
            throws IngestException
    {
        if (value == null) {
            return checkNull(table, column);
        }
        if (value instanceof String text) {
            return fromText(table, column, text);
        }
        try {
            return switch (column.type()) {
                case VARCHAR, JSON -> switch (value) {
                    case Number _, Boolean _, UUID _ -> column.type() == BatchColumnType.JSON ? validJson(column, value.toString()) : value.toString();
                    default -> throw mismatch(column, value);
                };
                case INTEGER -> switch (value) {
                    case Short number -> (int) number;
                    case Integer number -> number;
                    case Long number -> Math.toIntExact(number);
                    case BigDecimal number -> number.setScale(0, RoundingMode.HALF_UP).intValueExact();
                    default -> throw mismatch(column, value);
                };
                case BIGINT -> switch (value) {
                    case Short number -> (long) number;
                    case Integer number -> (long) number;
                    case Long number -> number;
                    case BigDecimal number -> number.setScale(0, RoundingMode.HALF_UP).longValueExact();
                    default -> throw mismatch(column, value);
                };
                case BOOLEAN -> switch (value) {
                    case Boolean bool -> bool;
                    default -> throw mismatch(column, value);
                };
                case TIMESTAMPTZ -> switch (value) {
                    case OffsetDateTime timestamp -> instant(timestamp);
                    // a timestamp without time zone is read in the session's zone, which is UTC in the gateway
                    case LocalDateTime timestamp -> instant(timestamp.atOffset(ZoneOffset.UTC));
                    case LocalDate date -> date.atStartOfDay(ZoneOffset.UTC).toInstant();
                    case Instant instant -> instant.truncatedTo(ChronoUnit.MICROS);
                    default -> throw mismatch(column, value);
                };
                case DATE -> switch (value) {
                    case LocalDate date -> date;
                    case OffsetDateTime timestamp -> timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
                    case LocalDateTime timestamp -> timestamp.toLocalDate();
                    default -> throw mismatch(column, value);
                };
                case VARCHAR_ARRAY -> switch (value) {
                    case List<?> list -> textList(list);
                    default -> throw mismatch(column, value);
                };
            };
        }
        catch (ArithmeticException e) {
            throw refused(column, "22003", "%s out of range".formatted(column.type() == BatchColumnType.INTEGER ? "integer" : "bigint"), e);
        }
        catch (PgDataException e) {
            throw refused(column, e.sqlState(), e.getMessage(), e);
        }
    }

    /** Microseconds since the epoch, as the batch format and Delta's statistics count time. */
    public static long epochMicros(Instant instant)
    {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    static IngestException notNullViolation(IngestTable table, IngestColumn column)
    {
        return new IngestException("23502", "null value in column \"%s\" of relation \"%s\" violates not-null constraint".formatted(column.name(), table.name()));
    }

    private static Object checkNull(IngestTable table, IngestColumn column)
            throws IngestException
    {
        if (!column.nullable() && !column.name().equals(IngestTable.DERIVED_DATE)) {
            throw notNullViolation(table, column);
        }
        return null;
    }

    private static Instant instant(OffsetDateTime timestamp)
            throws IngestException
    {
        // the codecs read 'infinity' as the extremes of OffsetDateTime; Trino has no infinite timestamps
        if (timestamp.equals(OffsetDateTime.MAX) || timestamp.equals(OffsetDateTime.MIN)) {
            throw new IngestException("22008", "timestamp out of range: infinity cannot be stored");
        }
        return timestamp.toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<String> textList(List<?> list)
    {
        List<String> texts = new ArrayList<>(list.size());
        for (Object element : list) {
            texts.add(element == null ? null : element.toString());
        }
        return Collections.unmodifiableList(texts);
    }

    private static String validJson(IngestColumn column, String text)
            throws IngestException
    {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() == null) {
                throw invalidJson(column, "The input string ended unexpectedly.", null);
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw invalidJson(column, "Expected end of input, but found \"%s\".".formatted(parser.getText()), null);
            }
            return text;
        }
        catch (JsonProcessingException e) {
            throw invalidJson(column, e.getOriginalMessage(), e);
        }
        catch (IOException e) {
            throw invalidJson(column, e.getMessage(), e);
        }
    }

    private static IngestException invalidJson(IngestColumn column, String detail, Throwable cause)
    {
        return refused(column, "22P02", "invalid input syntax for type json: " + detail, cause);
    }

    private static byte[] bytes(String text)
    {
        return text.getBytes(UTF_8);
    }

    private static IngestException mismatch(IngestColumn column, Object value)
    {
        return new IngestException("42804", "column \"%s\" is of type %s but the value given is a %s".formatted(
                column.name(), column.type().name().toLowerCase(Locale.ROOT), value.getClass().getSimpleName()));
    }

    private static IngestException refused(IngestColumn column, String sqlState, String message, Throwable cause)
    {
        return new IngestException(sqlState, "%s (column %s)".formatted(message, column.name()), cause);
    }
}
