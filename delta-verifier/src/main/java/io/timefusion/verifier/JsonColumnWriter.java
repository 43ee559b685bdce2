package io.timefusion.verifier;

import com.fasterxml.jackson.core.JsonGenerator;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.Row;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.TimestampType;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Writes one non-null column value as JSON. The encoding is the verifier's contract with the tests that compare
 * against it: dates as "yyyy-MM-dd", timestamps as the raw UTC microseconds Delta stores, so no time zone or
 * formatting choice can hide a wrong value.
 */
@FunctionalInterface
interface JsonColumnWriter
{
    void write(JsonGenerator json, Row row, int ordinal)
            throws IOException;

    static JsonColumnWriter forColumn(String column, DataType type)
    {
        return switch (type) {
            case StringType _ -> (json, row, ordinal) -> json.writeString(row.getString(ordinal));
            case LongType _ -> (json, row, ordinal) -> json.writeNumber(row.getLong(ordinal));
            case IntegerType _ -> (json, row, ordinal) -> json.writeNumber(row.getInt(ordinal));
            case BooleanType _ -> (json, row, ordinal) -> json.writeBoolean(row.getBoolean(ordinal));
            case DateType _ -> (json, row, ordinal) -> json.writeString(LocalDate.ofEpochDay(row.getInt(ordinal)).toString());
            case TimestampType _ -> (json, row, ordinal) -> json.writeNumber(row.getLong(ordinal));
            case ArrayType array when array.getElementType() instanceof StringType -> (json, row, ordinal) -> writeStrings(json, row.getArray(ordinal));
            default -> throw new IllegalArgumentException("Column '%s' has Delta type %s, which DeltaKernelDump cannot print".formatted(column, type));
        };
    }

    private static void writeStrings(JsonGenerator json, ArrayValue array)
            throws IOException
    {
        ColumnVector elements = array.getElements();
        json.writeStartArray();
        for (int i = 0; i < array.getSize(); i++) {
            if (elements.isNullAt(i)) {
                json.writeNull();
            }
            else {
                json.writeString(elements.getString(i));
            }
        }
        json.writeEndArray();
    }
}
