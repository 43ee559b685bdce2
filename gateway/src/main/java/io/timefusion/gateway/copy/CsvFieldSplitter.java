package io.timefusion.gateway.copy;

import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        int i = start;
        while (true) {
            int fieldStart = i;
            boolean quoted = false;
            value.reset();
            while (i < end && buffer[i] != delimiter) {
                byte b = buffer[i++];
                if (b != quote) {
                    value.write(b);
                    continue;
                }
                quoted = true;
                while (true) {
                    if (i >= end) {
                        throw new CopyException("22P04", "unterminated CSV quoted field");
                    }
                    byte c = buffer[i++];
                    if (c == escape && i < end && (buffer[i] == quote || buffer[i] == escape)) {
                        value.write(buffer[i++]);
                    }
                    else if (c == quote) {
                        break;
                    }
                    else {
                        value.write(c);
                    }
                }
            }
            boolean isNull = !quoted && Arrays.equals(buffer, fieldStart, i, nullMarker, 0, nullMarker.length);
            fields.add(isNull ? null : value.toString(StandardCharsets.UTF_8));
            if (i >= end) {
                return fields;
            }
            i++;
        }
    }
}
