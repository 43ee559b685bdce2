package io.timefusion.integration.gateway;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A result far larger than the gateway's heap streams through it: rows flow as the client reads them. */
class TestGatewayStreaming
{
    @Test
    void fiveMillionRowsStreamToPgjdbcThroughAGatewayWith256MegabytesOfHeap()
            throws Exception
    {
        try (TestingGateway trino = TestingGateway.start();
                GatewayProcess gateway = GatewayProcess.start(
                        List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                        Map.of("TRINO_URL", trino.queryRunner().getCoordinator().getBaseUrl().toString(), "PGWIRE_PASSWORD", TestingGateway.PASSWORD))) {
            Properties properties = new Properties();
            properties.setProperty("user", TestingGateway.USER);
            properties.setProperty("password", TestingGateway.PASSWORD);
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%d/timefusion".formatted(gateway.pgwirePort()), properties)) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.setFetchSize(10_000);
                    long rows = 0;
                    long sum = 0;
                    try (ResultSet result = statement.executeQuery(
                            "SELECT a.x * 10000 + b.y AS n, 'row payload text' AS payload FROM UNNEST(sequence(0, 499)) a(x) CROSS JOIN UNNEST(sequence(1, 10000)) b(y)")) {
                        while (result.next()) {
                            rows++;
                            sum += result.getLong(1);
                        }
                    }
                    assertThat(rows).isEqualTo(5_000_000L);
                    assertThat(sum).isEqualTo(5_000_000L * 5_000_001L / 2);
                }
                connection.commit();
            }
            assertThat(gateway.isAlive()).as(gateway.log()).isTrue();
        }
    }
}
