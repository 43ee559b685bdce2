package io.timefusion.gateway.http;

import io.timefusion.gateway.GatewayConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestAdminAuthorization
{
    private final AdminAuthorization configured = new AdminAuthorization(new GatewayConfig().setAdminToken("the-token"));

    @Test
    void withoutAConfiguredTokenEveryRequestGets503()
    {
        AdminAuthorization unconfigured = new AdminAuthorization(new GatewayConfig());
        assertThat(unconfigured.refusal("Bearer anything")).hasValueSatisfying(response -> assertThat(response.getStatus()).isEqualTo(503));
    }

    @Test
    void aMissingTokenGets401AndAWrongOne403()
    {
        assertThat(configured.refusal(null)).hasValueSatisfying(response -> assertThat(response.getStatus()).isEqualTo(401));
        assertThat(configured.refusal("Basic dXNlcjpwYXNz")).hasValueSatisfying(response -> assertThat(response.getStatus()).isEqualTo(401));
        assertThat(configured.refusal("Bearer other-token")).hasValueSatisfying(response -> assertThat(response.getStatus()).isEqualTo(403));
    }

    @Test
    void theRightTokenPasses()
    {
        assertThat(configured.refusal("Bearer the-token")).isEmpty();
    }
}
