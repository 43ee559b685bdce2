package io.timefusion.gateway.copy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Postgres' text format: fields separated by the delimiter, backslash escapes ({@code \t}, {@code \n}, {@code \\},
 * octal {@code \123}, hex {@code \x41}, and a backslash before any other character stands for that character), and
 * the NULL marker ({@code \N} by default) compared with the field as written, before unescaping.
 */
final class TextFieldSplitter
        implements FieldSplitter
{
    private final byte delimiter;
    private final byte[] nullMarker;

    TextFieldSplitter(CopyFormat format)
    {
        this.delimiter = format.delimiter();
        this.nullMarker = format.nullMarker().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public List<String> split(byte[] buffer, int start, int end)
    {
        List<String> fields = new ArrayList<>();
        int fieldStart = start;
        boolean escaped = false;
        for (int i = start; i <= end; i++) {
            if (i == end || buffer[i] == delimiter) {
                fields.add(field(buffer, fieldStart, i, escaped));
                fieldStart = i + 1;
                escaped = false;
            }
            else if (buffer[i] == '\\') {
                escaped = true;
                if (i + 1 < end) {
                    // the escaped byte is data, even when it is the delimiter
                    i++;
                }
            }
        }
        return fields;
    }

    private String field(byte[] buffer, int start, int end, boolean escaped)
    {
        if (Arrays.equals(buffer, start, end, nullMarker, 0, nullMarker.length)) {
            return null;
        }
        if (!escaped) {
            return new String(buffer, start, end - start, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream(end - start);
        int i = start;
        while (i < end) {
            byte b = buffer[i++];
            if (b != '\\' || i == end) {
                value.write(b);
                continue;
            }
            byte c = buffer[i++];
            switch (c) {
                case 'b' -> value.write('\b');
                case 'f' -> value.write('\f');
                case 'n' -> value.write('\n');
                case 'r' -> value.write('\r');
                case 't' -> value.write('\t');
                case 'v' -> value.write(0x0B);
                case 'x' -> {
                    int digits = 0;
                    int code = 0;
                    while (digits < 2 && i < end && Character.digit(buffer[i], 16) >= 0) {
                        code = code * 16 + Character.digit(buffer[i++], 16);
                        digits++;
                    }
                    value.write(digits == 0 ? 'x' : code);
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        int code = c - '0';
                        for (int digits = 1; digits < 3 && i < end && buffer[i] >= '0' && buffer[i] <= '7'; digits++) {
                            code = code * 8 + (buffer[i++] - '0');
                        }
                        value.write(code);
                    }
                    else {
                        value.write(c);
                    }
                }
            }
        }
        return value.toString(StandardCharsets.UTF_8);
    }
}
