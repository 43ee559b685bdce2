package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PGbytea;

import java.sql.SQLException;
import java.util.Random;

import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestByteaCodec
{
    private final PgTypeCodec<byte[]> codec = PgType.BYTEA.codec();

    @Test
    void textIsLowerCaseHex()
    {
        assertThat(utf8(codec.encodeText(new byte[] {0, 10, (byte) 0xff}))).isEqualTo("\\x000aff");
        assertThat(utf8(codec.encodeText(new byte[0]))).isEqualTo("\\x");
    }

    @Test
    void hexTextIsReadByPgjdbc()
            throws SQLException
    {
        byte[] value = randomBytes();

        assertThat(PGbytea.toBytes(codec.encodeText(value))).isEqualTo(value);
    }

    @Test
    void acceptsEscapeFormatAsPgjdbcWritesIt()
    {
        byte[] value = randomBytes();

        assertThat(codec.decodeText(utf8(PGbytea.toPGString(value)))).isEqualTo(value);
    }

    @Test
    void escapeFormatDecodesBackslashAndOctal()
    {
        assertThat(codec.decodeText(utf8("a\\\\b\\000\\377"))).containsExactly('a', '\\', 'b', 0, 0xff);
    }

    @Test
    void hexAcceptsUpperCaseAndWhitespaceBetweenPairs()
    {
        assertThat(codec.decodeText(utf8("\\xDE AD\nbe ef"))).containsExactly(0xde, 0xad, 0xbe, 0xef);
    }

    @Test
    void rejectsMalformedHex()
    {
        assertThatThrownBy(() -> codec.decodeText(utf8("\\xabc")))
                .isInstanceOf(InvalidTextRepresentationException.class)
                .hasMessage("invalid hexadecimal data: odd number of digits");
        assertThatThrownBy(() -> codec.decodeText(utf8("\\xzz")))
                .isInstanceOf(InvalidTextRepresentationException.class)
                .hasMessage("invalid hexadecimal digit: \"z\"");
    }

    @Test
    void rejectsMalformedEscape()
    {
        assertThatThrownBy(() -> codec.decodeText(utf8("a\\9")))
                .isInstanceOf(InvalidTextRepresentationException.class)
                .hasMessage("invalid input syntax for type bytea: \"a\\9\"");
    }

    @Test
    void binaryIsTheBytes()
    {
        byte[] value = randomBytes();

        assertThat(codec.encodeBinary(value)).isEqualTo(value);
        assertThat(codec.decodeBinary(value)).isEqualTo(value);
    }

    private static byte[] randomBytes()
    {
        byte[] bytes = new byte[256];
        new Random(3).nextBytes(bytes);
        return bytes;
    }
}
