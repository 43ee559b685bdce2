package io.timefusion.gateway.copy;

import io.airlift.slice.DynamicSliceOutput;
import io.airlift.slice.SliceOutput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Postgres' CSV format (CopyReadAttributesCSV): a field may be quoted in whole or in part; inside quotes the escape
 * character (the quote itself unless set) makes the next quote or escape literal. A field equal to the NULL marker
 * is NULL only when no part of it was quoted, so {@code ""} is the empty string and an empty field is NULL.
 */
final class CsvFieldSplitter
        implements FieldSplitter
{
    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final byte[] nullMarker;
    // a quoted field's value, reused (a COPY splits its records on one thread); Slice's output because
    // ByteArrayOutputStream takes a lock for every byte
    private final SliceOutput value = new DynamicSliceOutput(256);

    CsvFieldSplitter(CopyFormat format)
    {
        this.delimiter = format.delimiter();
        this.quote = format.quote();
        this.escape = format.escape();
        this.nullMarker = format.nullMarker().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public List<String> split(byte[] buffer, int start, int end)
    {
        List<String> fields = new ArrayList<>();
        int i = start;
        while (true) {
            int fieldStart = i;
            while (i < end && buffer[i] != delimiter && buffer[i] != quote) {
                i++;
            }
            if (i < end && buffer[i] == quote) {
                i = quotedField(buffer, fieldStart, i, end, fields);
            }
            else {
                // no quote in it: the field is its bytes, NULL when they are the NULL marker
                boolean isNull = Arrays.equals(buffer, fieldStart, i, nullMarker, 0, nullMarker.length);
                fields.add(isNull ? null : new String(buffer, fieldStart, i - fieldStart, StandardCharsets.UTF_8));
            }
            if (i >= end) {
                return fields;
            }
            i++;
        }
    }

    /**
     * A field with a quoted part, which starts at {@code quoteAt}: its value (never NULL) is added to {@code fields};
     * returns where the field ends.
     */
    private int quotedField(byte[] buffer, int fieldStart, int quoteAt, int end, List<String> fields)
    {
        value.reset();
        value.writeBytes(buffer, fieldStart, quoteAt - fieldStart);
        int i = quoteAt;
        while (i < end && buffer[i] != delimiter) {
            byte b = buffer[i++];
            if (b != quote) {
                value.writeByte(b);
                continue;
            }
            while (true) {
                if (i >= end) {
                    throw new CopyException("22P04", "unterminated CSV quoted field");
                }
                byte c = buffer[i++];
                if (c == escape && i < end && (buffer[i] == quote || buffer[i] == escape)) {
                    value.writeByte(buffer[i++]);
                }
                else if (c == quote) {
                    break;
                }
                else {
                    value.writeByte(c);
                }
            }
        }
        fields.add(value.slice().toStringUtf8());
        return i;
    }
}
