package io.timefusion.integration.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A gateway configured for md5 passwords (PGWIRE_AUTH_METHOD=md5), as libpq speaks it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestGatewayMd5Authentication
{
    private TestingGateway gateway;

    @BeforeAll
    void start()
            throws Exception
    {
        gateway = TestingGateway.start(Map.of("pgwire.authentication-method", "md5"));
    }

    @AfterAll
    void stop()
    {
        gateway.close();
    }

    @Test
    void psqlLogsInWithTheMd5PasswordAndIsRefusedWithAWrongOne()
            throws Exception
    {
        assumeTrue(ExternalProcess.available("psql"), "psql is not installed (Debian package postgresql-client; .ci/run installs it)");
        assertThat(psql(TestingGateway.PASSWORD).stdout()).contains("md5 works");
        ExternalProcess refused = psql("not-the-password");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("password authentication failed for user \"postgres\"");
    }

    private ExternalProcess psql(String password)
            throws Exception
    {
        return ExternalProcess.run(
                List.of("psql", "host=127.0.0.1 port=%d dbname=timefusion user=%s sslmode=disable".formatted(gateway.pgwirePort(), TestingGateway.USER),
                        "-X", "-A", "-t", "-c", "SELECT 'md5 works'"),
                Map.of("PGPASSWORD", password),
                "");
    }
}
