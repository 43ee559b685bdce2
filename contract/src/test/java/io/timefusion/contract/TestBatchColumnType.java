package io.timefusion.contract;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TestBatchColumnType
{
    @Test
    void everyTypeHasItsOwnCodeThatFitsTheTypeByte()
    {
        assertThat(Arrays.stream(BatchColumnType.values()).map(BatchColumnType::code))
                .doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).isBetween(1, 255));
    }
}
