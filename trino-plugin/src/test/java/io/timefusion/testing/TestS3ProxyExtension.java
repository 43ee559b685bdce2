package io.timefusion.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class TestS3ProxyExtension
{
    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension();

    @Test
    void resolvesItsServerAsATestParameter(S3ProxyServer server)
    {
        assertThat(server).isSameAs(S3.server());
    }
}
