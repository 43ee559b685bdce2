package io.timefusion.contract;

/** The column types a batch can carry, each with its type code in the {@link BatchFormat batch format}. */
public enum BatchColumnType
{
    VARCHAR(1),
    JSON(2),
    INTEGER(3),
    BIGINT(4),
    BOOLEAN(5),
    TIMESTAMPTZ(6),
    DATE(7),
    VARCHAR_ARRAY(8);

    private final int code;

    BatchColumnType(int code)
    {
        this.code = code;
    }

    /** The byte that names the type in a batch's column list. */
    public int code()
    {
        return code;
    }
}
