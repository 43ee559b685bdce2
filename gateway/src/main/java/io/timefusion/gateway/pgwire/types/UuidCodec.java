package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;
import java.util.UUID;

import static io.timefusion.gateway.pgwire.types.InvalidTextRepresentationException.invalidSyntax;
import static java.nio.charset.StandardCharsets.US_ASCII;

/** uuid: text is lower-case hex in 8-4-4-4-12 groups; binary is the 16 bytes. */
final class UuidCodec
        implements PgTypeCodec<UUID>
{
    @Override
    public Class<UUID> javaType()
    {
        return UUID.class;
    }

    @Override
    public byte[] encodeText(UUID value)
    {
        return value.toString().getBytes(US_ASCII);
    }

    @Override
    public byte[] encodeBinary(UUID value)
    {
        return ByteBuffer.allocate(16).putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits()).array();
    }

    /**
     * Like Postgres' uuid_in: 32 hex digits in either case, optionally inside braces, with a hyphen allowed after any
     * group of four digits.
     */
    @Override
    public UUID decodeText(byte[] text)
    {
        String input = Utf8.decode(text);
        boolean braced = input.startsWith("{");
        int end = braced ? input.length() - 1 : input.length();
        if (braced && !input.endsWith("}")) {
            throw invalidSyntax("uuid", input);
        }
        long high = 0;
        long low = 0;
        int position = braced ? 1 : 0;
        for (int digitIndex = 0; digitIndex < 32; digitIndex++) {
            if (digitIndex > 0 && digitIndex % 4 == 0 && position < end && input.charAt(position) == '-') {
                position++;
            }
            int digit = position < end ? Character.digit(input.charAt(position), 16) : -1;
            if (digit < 0 || input.charAt(position) > 'f') {
                throw invalidSyntax("uuid", input);
            }
            position++;
            if (digitIndex < 16) {
                high = high << 4 | digit;
            }
            else {
                low = low << 4 | digit;
            }
        }
        if (position != end) {
            throw invalidSyntax("uuid", input);
        }
        return new UUID(high, low);
    }

    @Override
    public UUID decodeBinary(byte[] binary)
    {
        InvalidBinaryRepresentationException.requireLength(binary, 16, "uuid");
        ByteBuffer buffer = ByteBuffer.wrap(binary);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
