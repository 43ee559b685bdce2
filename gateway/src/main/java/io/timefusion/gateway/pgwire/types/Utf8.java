package io.timefusion.gateway.pgwire.types;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.StringJoiner;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Strict UTF-8 decoding of client text: Postgres refuses malformed sequences instead of replacing them. */
public final class Utf8
{
    private Utf8() {}

    /**
     * @throws CharacterNotInRepertoireException (22021) for a malformed sequence or a NUL byte, naming the bytes as
     *         Postgres does
     */
    public static String decode(byte[] bytes)
    {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw invalidSequence(bytes, i, 1);
            }
        }
        CharsetDecoder decoder = UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw invalidSequence(bytes, in.position(), result.length());
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static CharacterNotInRepertoireException invalidSequence(byte[] bytes, int offset, int length)
    {
        StringJoiner hex = new StringJoiner(" ");
        for (int i = offset; i < offset + length; i++) {
            hex.add("0x%02x".formatted(bytes[i] & 0xFF));
        }
        return new CharacterNotInRepertoireException("invalid byte sequence for encoding \"UTF8\": " + hex);
    }
}
