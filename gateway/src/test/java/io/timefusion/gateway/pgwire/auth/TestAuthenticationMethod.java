package io.timefusion.gateway.pgwire.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestAuthenticationMethod
{
    @Test
    void parsesPgHbaNames()
    {
        assertThat(AuthenticationMethod.parse("scram-sha-256")).isEqualTo(AuthenticationMethod.SCRAM_SHA_256);
        assertThat(AuthenticationMethod.parse("md5")).isEqualTo(AuthenticationMethod.MD5);
        assertThat(AuthenticationMethod.parse("password")).isEqualTo(AuthenticationMethod.CLEARTEXT);
        assertThat(AuthenticationMethod.parse("cleartext")).isEqualTo(AuthenticationMethod.CLEARTEXT);
    }

    @Test
    void ignoresCaseAndSurroundingSpace()
    {
        assertThat(AuthenticationMethod.parse(" SCRAM-SHA-256 ")).isEqualTo(AuthenticationMethod.SCRAM_SHA_256);
    }

    @Test
    void rejectsUnknownName()
    {
        assertThatThrownBy(() -> AuthenticationMethod.parse("trust"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trust");
    }
}
