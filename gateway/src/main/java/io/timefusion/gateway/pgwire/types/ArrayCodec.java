package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * One-dimensional arrays of any element type, as {@link List}s whose null elements are SQL NULLs.
 *
 * <p>Text is Postgres' array literal: {@code {1,NULL,"a \"b\"",""}}. An element is quoted when it is empty, is the
 * word NULL, or holds a brace, comma, quote, backslash or whitespace; inside quotes, quote and backslash are escaped
 * with a backslash. Input may carry the bounds decoration {@code [1:3]=} that Postgres prints for lower bounds other
 * than 1.
 *
 * <p>Binary is Int32 dimensions (0 for an empty array), Int32 has-nulls flag, Int32 element type OID, per dimension
 * Int32 length and Int32 lower bound (1), then per element Int32 length (-1 for NULL) and the element's binary form.
 */
final class ArrayCodec<E>
        implements PgTypeCodec<List<E>>
{
    private final PgType<E> elementType;

    ArrayCodec(PgType<E> elementType)
    {
        this.elementType = elementType;
    }

    @SuppressWarnings("unchecked")
    @Override
    public Class<List<E>> javaType()
    {
        return (Class<List<E>>) (Class<?>) List.class;
    }

    @Override
    public byte[] encodeText(List<E> value)
    {
        StringBuilder text = new StringBuilder(2 + value.size() * 8).append('{');
        for (int i = 0; i < value.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            E element = value.get(i);
            if (element == null) {
                text.append("NULL");
            }
            else {
                appendElement(text, new String(elementType.codec().encodeText(element), UTF_8));
            }
        }
        return text.append('}').toString().getBytes(UTF_8);
    }

    @Override
    public byte[] encodeBinary(List<E> value)
    {
        List<byte[]> elements = new ArrayList<>(value.size());
        int length = value.isEmpty() ? 12 : 20;
        boolean hasNulls = false;
        for (E element : value) {
            byte[] bytes = element == null ? null : elementType.codec().encodeBinary(element);
            hasNulls |= bytes == null;
            length += 4 + (bytes == null ? 0 : bytes.length);
            elements.add(bytes);
        }
        ByteBuffer binary = ByteBuffer.allocate(length)
                .putInt(value.isEmpty() ? 0 : 1)
                .putInt(hasNulls ? 1 : 0)
                .putInt(elementType.oid());
        if (!value.isEmpty()) {
            binary.putInt(value.size()).putInt(1);
        }
        for (byte[] bytes : elements) {
            if (bytes == null) {
                binary.putInt(-1);
            }
            else {
                binary.putInt(bytes.length).put(bytes);
            }
        }
        return binary.array();
    }

    @Override
    public List<E> decodeText(byte[] text)
    {
        List<String> elements = ArrayLiteral.parse(Utf8.decode(text));
        List<E> values = new ArrayList<>(elements.size());
        for (String element : elements) {
            values.add(element == null ? null : elementType.codec().decodeText(element.getBytes(UTF_8)));
        }
        return Collections.unmodifiableList(values);
    }

    @Override
    public List<E> decodeBinary(byte[] binary)
    {
        ByteBuffer buffer = ByteBuffer.wrap(binary);
        requireRemaining(buffer, 12);
        int dimensions = buffer.getInt();
        int flags = buffer.getInt();
        int elementOid = buffer.getInt();
        if (dimensions < 0 || dimensions > 1) {
            throw invalid(dimensions < 0 ? "invalid number of dimensions: " + dimensions : "multidimensional arrays are not supported");
        }
        if (flags != 0 && flags != 1) {
            throw invalid("invalid array flags");
        }
        if (elementOid != elementType.oid()) {
            throw invalid("binary data has array element type %d instead of expected %d (%s)".formatted(elementOid, elementType.oid(), elementType.name()));
        }
        List<E> values = new ArrayList<>();
        if (dimensions == 1) {
            requireRemaining(buffer, 8);
            int size = buffer.getInt();
            buffer.getInt();
            if (size < 0) {
                throw invalid("invalid array length: " + size);
            }
            for (int i = 0; i < size; i++) {
                requireRemaining(buffer, 4);
                int length = buffer.getInt();
                if (length < -1) {
                    throw invalid("invalid element length: " + length);
                }
                if (length == -1) {
                    values.add(null);
                    continue;
                }
                requireRemaining(buffer, length);
                byte[] element = new byte[length];
                buffer.get(element);
                values.add(elementType.codec().decodeBinary(element));
            }
        }
        if (buffer.hasRemaining()) {
            throw invalid("unexpected bytes after the last element");
        }
        return Collections.unmodifiableList(values);
    }

    private static void appendElement(StringBuilder text, String element)
    {
        if (!needsQuotes(element)) {
            text.append(element);
            return;
        }
        text.append('"');
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\');
            }
            text.append(c);
        }
        text.append('"');
    }

    private static boolean needsQuotes(String element)
    {
        if (element.isEmpty() || element.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || TextScanner.isSpace(c)) {
                return true;
            }
        }
        return false;
    }

    private static void requireRemaining(ByteBuffer buffer, int length)
    {
        if (buffer.remaining() < length) {
            throw invalid("insufficient data left in message");
        }
    }

    private static InvalidBinaryRepresentationException invalid(String reason)
    {
        return new InvalidBinaryRepresentationException("invalid binary array: " + reason);
    }
}
