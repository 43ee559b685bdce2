package io.timefusion.trino.metadata;

/**
 * The Delta Lake primitive a column is stored as; JSON columns are plain strings on disk so that
 * every Delta reader can open the table.
 */
public enum DeltaType
{
    STRING("\"string\""),
    INTEGER("\"integer\""),
    LONG("\"long\""),
    BOOLEAN("\"boolean\""),
    TIMESTAMP("\"timestamp\""),
    DATE("\"date\""),
    STRING_ARRAY("{\"type\":\"array\",\"elementType\":\"string\",\"containsNull\":true}");

    private final String schemaJson;

    DeltaType(String schemaJson)
    {
        this.schemaJson = schemaJson;
    }

    /** The type as it appears inside a Delta schemaString. */
    public String schemaJson()
    {
        return schemaJson;
    }
}
