package io.timefusion.gateway.trino;

import com.google.inject.Inject;
import io.timefusion.gateway.GatewayConfig;
import io.trino.jdbc.TrinoDriver;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import static io.timefusion.contract.AdminCredentials.ADMIN_SECRET_CREDENTIAL;

/**
 * Opens the gateway's Trino JDBC connections: one behind each Postgres session (as the Postgres user, UTC session
 * time), plain ones for the gateway's own work, and those of the admin principal, the only identity the connector lets
 * run its procedures.
 */
public class TrinoSessions
{
    private final TrinoDriver driver = new TrinoDriver();
    private final String jdbcUrl;
    private final String adminUser;
    private final Optional<String> adminSecret;

    @Inject
    public TrinoSessions(GatewayConfig config)
    {
        URI uri = URI.create(config.getTrinoUrl());
        String ssl = "https".equalsIgnoreCase(uri.getScheme()) ? "?SSL=true" : "";
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        this.jdbcUrl = "jdbc:trino://%s:%d/%s/%s%s".formatted(uri.getHost(), port, config.getTrinoCatalog(), config.getTrinoSchema(), ssl);
        this.adminUser = config.getTrinoAdminUser();
        this.adminSecret = config.getTrinoAdminSecret();
    }

    /** The connection behind a Postgres session; client-supplied text goes into HTTP headers only through {@link HeaderValues}. */
    public TrinoSession open(String user, String applicationName)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", HeaderValues.encode(user));
        properties.setProperty("timezone", "UTC");
        properties.setProperty("source", "timefusion-gateway");
        if (applicationName != null && !applicationName.isBlank()) {
            properties.setProperty("clientInfo", HeaderValues.encode(applicationName));
        }
        return new TrinoSession(driver.connect(jdbcUrl, properties));
    }

    /** A plain JDBC connection for the gateway's own statements as {@code user} (ingest writes, table metadata). */
    public Connection openAs(String user)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", HeaderValues.encode(user));
        properties.setProperty("source", "timefusion-gateway-internal");
        return driver.connect(jdbcUrl, properties);
    }

    /**
     * A connection of the admin principal (TRINO_ADMIN_USER, proving itself with TRINO_ADMIN_SECRET): every call of a
     * connector procedure the gateway makes goes through here, because the connector refuses them to anyone else.
     *
     * @param extraCredentials further Trino extra credentials (names and values without ':' or ';')
     */
    public Connection openAdmin(Map<String, String> extraCredentials)
            throws SQLException
    {
        Map<String, String> credentials = new LinkedHashMap<>(extraCredentials);
        adminSecret.ifPresent(secret -> credentials.put(ADMIN_SECRET_CREDENTIAL, secret));
        Properties properties = new Properties();
        properties.setProperty("user", adminUser);
        properties.setProperty("source", "timefusion-gateway-admin");
        if (!credentials.isEmpty()) {
            properties.setProperty("extraCredentials", credentials.entrySet().stream()
                    .map(entry -> entry.getKey() + ":" + entry.getValue())
                    .collect(Collectors.joining(";")));
        }
        return driver.connect(jdbcUrl, properties);
    }

    public String jdbcUrl()
    {
        return jdbcUrl;
    }
}
