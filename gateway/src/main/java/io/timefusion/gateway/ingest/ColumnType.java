package io.timefusion.gateway.ingest;

import io.timefusion.gateway.trino.TrinoType;

import java.util.Optional;

/**
 * The column types a batch can carry, each with the Java class of its values in a {@link RowBatch} and its code
 * in the batch wire format (BatchEncoder; the plugin's BatchFormat documents the format).
 */
public enum ColumnType
{
    VARCHAR(1, String.class),
    JSON(2, String.class),
    INTEGER(3, Integer.class),
    BIGINT(4, Long.class),
    BOOLEAN(5, Boolean.class),
    TIMESTAMPTZ(6, java.time.Instant.class),
    DATE(7, java.time.LocalDate.class),
    VARCHAR_ARRAY(8, java.util.List.class);

    private final int code;
    private final Class<?> javaType;

    ColumnType(int code, Class<?> javaType)
    {
        this.code = code;
        this.javaType = javaType;
    }

    public int code()
    {
        return code;
    }

    public Class<?> javaType()
    {
        return javaType;
    }

    /** The type of a column Trino describes, if a batch can carry it. */
    public static Optional<ColumnType> of(TrinoType type)
    {
        return switch (type.kind()) {
            case VARCHAR -> Optional.of(VARCHAR);
            case JSON -> Optional.of(JSON);
            case INTEGER -> Optional.of(INTEGER);
            case BIGINT -> Optional.of(BIGINT);
            case BOOLEAN -> Optional.of(BOOLEAN);
            case TIMESTAMP_TZ -> Optional.of(TIMESTAMPTZ);
            case DATE -> Optional.of(DATE);
            case ARRAY -> type.elementType().kind() == TrinoType.Kind.VARCHAR ? Optional.of(VARCHAR_ARRAY) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
