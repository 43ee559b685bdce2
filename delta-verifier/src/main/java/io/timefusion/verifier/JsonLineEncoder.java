package io.timefusion.verifier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.delta.kernel.data.Row;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Turns a row into one JSON object whose keys are the table's columns in schema order.
 * Column types are checked up front, so a table the verifier cannot print fails even when it has no rows.
 */
final class JsonLineEncoder
{
    private static final JsonFactory JSON = new JsonFactory();

    private final List<String> columnNames;
    private final List<JsonColumnWriter> columnWriters;

    JsonLineEncoder(StructType tableSchema)
    {
        this.columnNames = tableSchema.fieldNames();
        this.columnWriters = tableSchema.fields().stream()
                .map(field -> JsonColumnWriter.forColumn(field.getName(), field.getDataType()))
                .toList();
    }

    String encode(Row row)
    {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            for (int column = 0; column < columnNames.size(); column++) {
                String name = columnNames.get(column);
                // looked up by name: the scan's row layout is Kernel's business, the output order is the table schema's
                int ordinal = ordinalOf(row.getSchema(), name);
                json.writeFieldName(name);
                if (row.isNullAt(ordinal)) {
                    json.writeNull();
                }
                else {
                    columnWriters.get(column).write(json, row, ordinal);
                }
            }
            json.writeEndObject();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }

    private static int ordinalOf(StructType rowSchema, String column)
    {
        int ordinal = rowSchema.indexOf(column);
        if (ordinal < 0) {
            throw new IllegalStateException("Scan returned no column '%s'; row schema: %s".formatted(column, rowSchema.fields().stream().map(StructField::getName).toList()));
        }
        return ordinal;
    }
}
