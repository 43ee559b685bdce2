package io.timefusion.gateway.sql;

import org.junit.jupiter.api.Test;

import static io.timefusion.gateway.sql.TrinoSql.translate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestEscapeStrings
{
    @Test
    void escapesAreDecodedIntoAStandardLiteral()
    {
        assertThat(translate("SELECT E'a\\tb\\x41\\101\\u00e9\\U0001F600\\'q'")).isEqualTo("SELECT 'a\tbAAé😀''q'");
    }

    @Test
    void aBackslashXWithoutHexDigitsIsJustAnX()
    {
        assertThat(translate("SELECT E'\\xyz'")).isEqualTo("SELECT 'xyz'");
    }

    @Test
    void anUnterminatedEscapeStringIsASyntaxErrorEvenWhenItEndsInABackslashOrADoubledQuote()
    {
        for (String sql : new String[] {"SELECT E'\\", "SELECT E'abc", "SELECT E'abc''", "SELECT E'abc\\'"}) {
            assertThatThrownBy(() -> EscapeStrings.decode(sql))
                    .as(sql)
                    .isInstanceOf(SqlSyntaxException.class)
                    .hasMessageStartingWith("unterminated quoted string at or near \"E'");
        }
    }

    @Test
    void unicodeEscapesPostgresCannotReadAreInvalidEscapeSequences()
    {
        for (String sql : new String[] {"SELECT E'\\u12'", "SELECT E'\\u12zz'", "SELECT E'\\U0011FFFF'", "SELECT E'\\uD800'"}) {
            assertThatThrownBy(() -> EscapeStrings.decode(sql)).as(sql).isInstanceOf(InvalidEscapeSequenceException.class);
        }
    }

    @Test
    void textOfOnlyCommentsAndSemicolonsTranslatesToNothing()
    {
        assertThat(TrinoSql.translated(";").trinoSql()).isEmpty();
        assertThat(TrinoSql.translated("-- nothing").trinoSql()).isEmpty();
    }
}
