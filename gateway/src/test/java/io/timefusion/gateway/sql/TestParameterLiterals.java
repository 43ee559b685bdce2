package io.timefusion.gateway.sql;

import io.timefusion.gateway.trino.TrinoType;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestParameterLiterals
{
    @Test
    void textIsQuotedWithDoubledQuotes()
    {
        assertThat(ParameterLiterals.render("it's", Optional.of(TrinoType.parse("varchar")))).isEqualTo("'it''s'");
    }

    @Test
    void jsonTextIsParsedNotWrappedAsAJsonString()
    {
        assertThat(ParameterLiterals.render("{\"a\":1}", Optional.of(TrinoType.parse("json")))).isEqualTo("json_parse('{\"a\":1}')");
    }

    @Test
    void timestampsWithTimeZoneAreWrittenInUtcAndCastToTheTarget()
    {
        OffsetDateTime timestamp = OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 123_456_000, ZoneOffset.ofHours(2));
        assertThat(ParameterLiterals.render(timestamp, Optional.of(TrinoType.parse("timestamp(6) with time zone"))))
                .isEqualTo("CAST(TIMESTAMP '2025-03-01 10:00:00.123456 UTC' AS timestamp(6) with time zone)");
    }

    @Test
    void integersAreCastToTheColumnTypeSoNarrowerColumnsAcceptThem()
    {
        assertThat(ParameterLiterals.render(5L, Optional.of(TrinoType.parse("integer")))).isEqualTo("CAST(BIGINT '5' AS integer)");
        assertThat(ParameterLiterals.render(5L, Optional.of(TrinoType.parse("bigint")))).isEqualTo("BIGINT '5'");
    }

    @Test
    void arraysAreTypedEvenWhenEmpty()
    {
        assertThat(ParameterLiterals.render(List.of(), Optional.of(TrinoType.parse("array(varchar)")))).isEqualTo("CAST(ARRAY[] AS array(varchar))");
        assertThat(ParameterLiterals.render(Arrays.asList("a", null), Optional.of(TrinoType.parse("array(varchar)"))))
                .isEqualTo("CAST(ARRAY['a', CAST(NULL AS varchar)] AS array(varchar))");
    }

    @Test
    void nullIsTypedWhenTheTargetIsKnown()
    {
        assertThat(ParameterLiterals.render(null, Optional.of(TrinoType.parse("bigint")))).isEqualTo("CAST(NULL AS bigint)");
        assertThat(ParameterLiterals.render(null, Optional.empty())).isEqualTo("NULL");
    }
}
