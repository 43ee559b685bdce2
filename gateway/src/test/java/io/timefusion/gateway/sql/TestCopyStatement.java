package io.timefusion.gateway.sql;

import io.timefusion.gateway.copy.CopyException;
import io.timefusion.gateway.copy.CopyFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCopyStatement
{
    @Test
    void readsTableColumnsAndTheOptionList()
    {
        CopyStatement copy = CopyStatement.parse("COPY public.otel_logs_and_spans (id, \"Level\") FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';', NULL 'NA', QUOTE '''')");
        assertThat(copy.table()).isEqualTo("otel_logs_and_spans");
        assertThat(copy.columns()).isEqualTo(List.of("id", "Level"));
        assertThat(copy.format()).isEqualTo(new CopyFormat(CopyFormat.Kind.CSV, (byte) ';', "NA", true, (byte) '\'', (byte) '\''));
    }

    @Test
    void readsTheOlderOptionsPsqlPassesOn()
    {
        CopyStatement copy = CopyStatement.parse("COPY t FROM STDIN csv header delimiter as E'\\t';");
        assertThat(copy.columns()).isEmpty();
        assertThat(copy.format()).isEqualTo(new CopyFormat(CopyFormat.Kind.CSV, (byte) '\t', "", true, (byte) '"', (byte) '"'));
    }

    @Test
    void textIsTheDefaultFormat()
    {
        assertThat(CopyStatement.parse("copy t (a) from stdin").format()).isEqualTo(new CopyFormat(CopyFormat.Kind.TEXT, (byte) '\t', "\\N", false, (byte) '"', (byte) '"'));
    }

    @Test
    void refusesWhatTheGatewayCannotRunWithPostgresCodes()
    {
        assertRefused("COPY t FROM '/etc/passwd'", "0A000");
        assertRefused("COPY t TO STDOUT", "0A000");
        assertRefused("COPY t FROM STDIN (FORMAT binary)", "0A000");
        assertRefused("COPY t FROM STDIN (FORMAT xml)", "22023");
        assertRefused("COPY t FROM STDIN (QUOTE '\"')", "0A000");
        assertRefused("COPY t FROM STDIN (DELIMITER ',', DELIMITER ';')", "42601");
        assertRefused("COPY t FROM STDIN (FORMAT csv, DELIMITER '\"')", "22023");
        assertRefused("COPY t FROM STDIN (BOGUS 1)", "42601");
    }

    private static void assertRefused(String sql, String sqlState)
    {
        assertThatThrownBy(() -> CopyStatement.parse(sql))
                .as(sql)
                .isInstanceOfSatisfying(CopyException.class, e -> assertThat(e.sqlState()).isEqualTo(sqlState));
    }
}
