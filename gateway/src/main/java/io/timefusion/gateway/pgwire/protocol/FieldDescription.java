package io.timefusion.gateway.pgwire.protocol;

import static java.util.Objects.requireNonNull;

/**
 * One column of a RowDescription.
 *
 * @param tableOid 0 unless the column is a plain reference to a table column
 * @param columnAttributeNumber 0 unless the column is a plain reference to a table column
 * @param typeSize the type's typlen: a positive fixed size, -1 for varlena, -2 for C strings
 * @param typeModifier -1 when the type has none
 * @param formatCode {@link FormatCodes#TEXT} or {@link FormatCodes#BINARY}; 0 in a Describe of a statement, where
 * the format is not yet known
 */
public record FieldDescription(String name, int tableOid, short columnAttributeNumber, int typeOid, short typeSize, int typeModifier, short formatCode)
{
    public FieldDescription
    {
        requireNonNull(name, "name is null");
    }

    /** A column computed by the query rather than read from a table, without a type modifier. */
    public static FieldDescription computed(String name, int typeOid, short typeSize, short formatCode)
    {
        return new FieldDescription(name, 0, (short) 0, typeOid, typeSize, -1, formatCode);
    }
}
