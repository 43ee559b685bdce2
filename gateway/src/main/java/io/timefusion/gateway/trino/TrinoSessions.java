package io.timefusion.gateway.trino;

import com.google.inject.Inject;
import io.timefusion.gateway.GatewayConfig;
import io.trino.jdbc.TrinoDriver;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** Opens the Trino JDBC connection behind each Postgres session, as the Postgres user, with UTC session time. */
public class TrinoSessions
{
    private final TrinoDriver driver = new TrinoDriver();
    private final String jdbcUrl;

    @Inject
    public TrinoSessions(GatewayConfig config)
    {
        URI uri = URI.create(config.getTrinoUrl());
        String ssl = "https".equalsIgnoreCase(uri.getScheme()) ? "?SSL=true" : "";
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        this.jdbcUrl = "jdbc:trino://%s:%d/%s/%s%s".formatted(uri.getHost(), port, config.getTrinoCatalog(), config.getTrinoSchema(), ssl);
    }

    public TrinoSession open(String user, String applicationName)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("timezone", "UTC");
        properties.setProperty("source", "timefusion-gateway");
        if (applicationName != null && !applicationName.isBlank()) {
            properties.setProperty("clientInfo", applicationName);
        }
        return new TrinoSession(driver.connect(jdbcUrl, properties));
    }

    /** A plain JDBC connection for administration, with extra driver properties (such as extra credentials). */
    public Connection openAdmin(String user, Map<String, String> extraProperties)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("source", "timefusion-gateway-admin");
        properties.putAll(extraProperties);
        return driver.connect(jdbcUrl, properties);
    }

    public String jdbcUrl()
    {
        return jdbcUrl;
    }
}
