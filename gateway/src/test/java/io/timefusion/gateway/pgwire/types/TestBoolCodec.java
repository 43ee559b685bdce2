package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;

import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestBoolCodec
{
    private final PgTypeCodec<Boolean> codec = PgType.BOOL.codec();

    @Test
    void textIsTOrF()
    {
        assertThat(utf8(codec.encodeText(true))).isEqualTo("t");
        assertThat(utf8(codec.encodeText(false))).isEqualTo("f");
    }

    @Test
    void binaryIsOneByte()
    {
        assertThat(codec.encodeBinary(true)).containsExactly(1);
        assertThat(codec.encodeBinary(false)).containsExactly(0);
        assertThat(codec.decodeBinary(new byte[] {1})).isTrue();
        assertThat(codec.decodeBinary(new byte[] {0})).isFalse();
    }

    @Test
    void binaryReadsAnyNonZeroByteAsTrue()
    {
        assertThat(codec.decodeBinary(new byte[] {7})).isTrue();
    }

    @Test
    void textAcceptsTheWordsPostgresAccepts()
    {
        for (String yes : new String[] {"t", "tr", "TRUE", "y", "yes", "on", "1", " true "}) {
            assertThat(codec.decodeText(utf8(yes))).as(yes).isTrue();
        }
        for (String no : new String[] {"f", "fal", "FALSE", "n", "no", "of", "off", "0", "\tf\n"}) {
            assertThat(codec.decodeText(utf8(no))).as(no).isFalse();
        }
    }

    @Test
    void textRejectsAmbiguousAndUnknownWords()
    {
        for (String word : new String[] {"o", "", "truex", "2", "yess"}) {
            assertThatThrownBy(() -> codec.decodeText(utf8(word)))
                    .as(word)
                    .isInstanceOf(InvalidTextRepresentationException.class)
                    .hasMessage("invalid input syntax for type boolean: \"%s\"", word);
        }
    }

    @Test
    void binaryRejectsWrongLength()
    {
        assertThatThrownBy(() -> codec.decodeBinary(new byte[2])).isInstanceOf(InvalidBinaryRepresentationException.class);
    }
}
