package io.timefusion.gateway.cache;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestResultSize
{
    @Test
    void textCountsTwoBytesPerCharacterPlusItsObjects()
    {
        assertThat(ResultSize.ofValue("x".repeat(1000))).isBetween(2000L, 2100L);
    }

    @Test
    void nullsCostOnlyTheirReference()
    {
        assertThat(ResultSize.ofRow(new Object[] {null, null})).isEqualTo(24);
    }

    @Test
    void containersCountTheirElements()
    {
        assertThat(ResultSize.ofValue(new byte[1000])).isGreaterThan(1000);
        assertThat(ResultSize.ofValue(List.of("x".repeat(500), "y".repeat(500)))).isGreaterThan(2000);
        assertThat(ResultSize.ofRow(new Object[] {"x".repeat(1000), 7L})).isGreaterThan(ResultSize.ofValue("x".repeat(1000)) + ResultSize.ofValue(7L));
    }
}
