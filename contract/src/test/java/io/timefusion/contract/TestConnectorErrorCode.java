package io.timefusion.contract;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TestConnectorErrorCode
{
    @Test
    void everyErrorHasItsOwnCode()
    {
        assertThat(Arrays.stream(ConnectorErrorCode.values()).map(ConnectorErrorCode::code)).doesNotHaveDuplicates();
    }
}
