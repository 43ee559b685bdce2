package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.timefusion.gateway.pgwire.types.Values.hex;
import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestUuidCodec
{
    private static final UUID VALUE = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");

    @Test
    void textIsLowerCaseWithHyphens()
    {
        assertThat(utf8(PgType.UUID_TYPE.encodeText(VALUE))).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    }

    @Test
    void binaryIsTheSixteenBytes()
    {
        assertThat(PgType.UUID_TYPE.encodeBinary(VALUE)).isEqualTo(hex("a0eebc999c0b4ef8bb6d6bb9bd380a11"));
        assertThat(PgType.UUID_TYPE.decodeBinary(hex("a0eebc999c0b4ef8bb6d6bb9bd380a11"))).isEqualTo(VALUE);
    }

    @Test
    void textAcceptsTheFormsPostgresAccepts()
    {
        for (String text : new String[] {
                "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
                "a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11",
                "{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}"}) {
            assertThat(PgType.UUID_TYPE.decodeText(utf8(text))).as(text).isEqualTo(VALUE);
        }
    }

    @Test
    void textRejectsOtherForms()
    {
        for (String text : new String[] {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111", "{a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "a0eeb-c999c0b4ef8bb6d6bb9bd380a11", "g0eebc999c0b4ef8bb6d6bb9bd380a11", "a0eebc999c0b4ef8bb6d6bb9bd380a11-"}) {
            assertThatThrownBy(() -> PgType.UUID_TYPE.decodeText(utf8(text)))
                    .as(text)
                    .isInstanceOf(InvalidTextRepresentationException.class)
                    .hasMessage("invalid input syntax for type uuid: \"%s\"", text);
        }
    }
}
