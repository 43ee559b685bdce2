package io.timefusion.gateway.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestPlaceholders
{
    @Test
    void countsTheHighestPlaceholderOutsideLiterals()
    {
        assertThat(Placeholders.count("SELECT $2, '$5', \"$6\", $1 -- $7")).isEqualTo(2);
        assertThat(Placeholders.count("SELECT 1")).isZero();
    }

    @Test
    void replacesEachPlaceholderAndLeavesDollarQuotesAndIdentifiersAlone()
    {
        assertThat(Placeholders.replace("SELECT $1 + $10, x$1, $$ $1 $$, '$2' FROM t WHERE a = $2", number -> "<" + number + ">"))
                .isEqualTo("SELECT <1> + <10>, x$1, $$ $1 $$, '$2' FROM t WHERE a = <2>");
    }

    @Test
    void zeroAndLeadingZerosAreNotParameters()
    {
        assertThat(Placeholders.count("SELECT $0, $01")).isZero();
    }
}
