package io.timefusion.trino;

import io.timefusion.contract.ConnectorErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TestTimeFusionErrorCode
{
    @Test
    void trinoReportsEveryCodeOfTheContractWithItsNumberAndName()
    {
        assertThat(Arrays.stream(TimeFusionErrorCode.values()).map(error -> error.toErrorCode().getCode() + " " + error.toErrorCode().getName()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ConnectorErrorCode.values()).map(code -> code.code() + " " + code.name()).toList());
    }
}
