package io.timefusion.gateway;

import io.airlift.configuration.Config;
import io.airlift.configuration.ConfigDescription;
import io.airlift.configuration.ConfigSecuritySensitive;
import io.airlift.units.DataSize;
import io.airlift.units.Duration;
import io.airlift.units.MaxDataSize;
import io.airlift.units.MaxDuration;
import io.airlift.units.MinDataSize;
import io.airlift.units.MinDuration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.airlift.units.DataSize.Unit.MEGABYTE;
import static io.timefusion.contract.AdminCredentials.DEFAULT_ADMIN_USER;

/** Settings of the Postgres front end and of its connection to Trino; GatewayEnvironment maps docs/configuration.md's variables onto them. */
public class GatewayConfig
{
    private int pgwirePort = 5432;
    private String pgwireBindAddress = "0.0.0.0";
    private int maxConnections = 100;
    private DataSize maxMessageSize = DataSize.of(64, MEGABYTE);
    private DataSize maxStatementSize;
    private DataSize maxBindSize;
    private DataSize maxSessionInput;
    private Duration authenticationTimeout = new Duration(60, TimeUnit.SECONDS);
    private Duration startupTimeout = new Duration(10, TimeUnit.SECONDS);
    private String trinoUrl = "http://127.0.0.1:8080";
    private String trinoCatalog = "timefusion";
    private String trinoSchema = "public";
    private String user = "postgres";
    private String password;
    private boolean allowNoPassword;
    private String authenticationMethod = "scram-sha-256";
    private String tlsCertificateFile;
    private String tlsKeyFile;
    private String adminToken;
    private String trinoAdminUser = DEFAULT_ADMIN_USER;
    private String trinoAdminSecret;
    private boolean queryCacheEnabled = true;
    private int queryCacheMaxEntries = 1000;
    private int queryCacheTtlSeconds = 300;
    private int queryCacheMaxSizeMb = 50;

    @Min(0)
    @Max(65535)
    public int getPgwirePort()
    {
        return pgwirePort;
    }

    @Config("pgwire.port")
    @ConfigDescription("Port of the PostgreSQL wire protocol (PGWIRE_PORT); 0 picks a free port")
    public GatewayConfig setPgwirePort(int pgwirePort)
    {
        this.pgwirePort = pgwirePort;
        return this;
    }

    @NotNull
    public String getPgwireBindAddress()
    {
        return pgwireBindAddress;
    }

    @Config("pgwire.bind-address")
    public GatewayConfig setPgwireBindAddress(String pgwireBindAddress)
    {
        this.pgwireBindAddress = pgwireBindAddress;
        return this;
    }

    @Min(1)
    public int getMaxConnections()
    {
        return maxConnections;
    }

    @Config("pgwire.max-connections")
    @ConfigDescription("Concurrent Postgres connections (MAX_PG_CONNECTIONS); the next one is refused with SQLSTATE 53300")
    public GatewayConfig setMaxConnections(int maxConnections)
    {
        this.maxConnections = maxConnections;
        return this;
    }

    @MinDataSize("1kB")
    @MaxDataSize("1GB")
    public DataSize getMaxMessageSize()
    {
        return maxMessageSize;
    }

    @Config("pgwire.max-message-size")
    @ConfigDescription("Largest frontend message accepted; a longer one is answered with an error and the connection is closed")
    public GatewayConfig setMaxMessageSize(DataSize maxMessageSize)
    {
        this.maxMessageSize = maxMessageSize;
        return this;
    }

    public Optional<@MinDataSize("1kB") DataSize> getMaxStatementSize()
    {
        return Optional.ofNullable(maxStatementSize);
    }

    @Config("pgwire.max-statement-size")
    @ConfigDescription("Largest Query or Parse message (PGWIRE_MAX_STATEMENT_SIZE); a larger one is skipped unread and refused with 54000. Default: 1/512 of the heap")
    public GatewayConfig setMaxStatementSize(DataSize maxStatementSize)
    {
        this.maxStatementSize = maxStatementSize;
        return this;
    }

    public Optional<@MinDataSize("1kB") DataSize> getMaxBindSize()
    {
        return Optional.ofNullable(maxBindSize);
    }

    @Config("pgwire.max-bind-size")
    @ConfigDescription("Largest Bind message (PGWIRE_MAX_BIND_SIZE); a larger one is skipped unread and refused with 54000. Default: 1/64 of the heap")
    public GatewayConfig setMaxBindSize(DataSize maxBindSize)
    {
        this.maxBindSize = maxBindSize;
        return this;
    }

    public Optional<@MinDataSize("1kB") DataSize> getMaxSessionInput()
    {
        return Optional.ofNullable(maxSessionInput);
    }

    @Config("pgwire.max-session-input")
    @ConfigDescription("Messages a session may have received but not yet handled (PGWIRE_MAX_SESSION_INPUT); beyond it the gateway stops reading its socket. Default: 1/8 of the heap shared by MAX_PG_CONNECTIONS")
    public GatewayConfig setMaxSessionInput(DataSize maxSessionInput)
    {
        this.maxSessionInput = maxSessionInput;
        return this;
    }

    @MinDuration("1s")
    @MaxDuration("600s")
    public Duration getAuthenticationTimeout()
    {
        return authenticationTimeout;
    }

    @Config("pgwire.authentication-timeout")
    @ConfigDescription("Time from connecting to a completed login (PGWIRE_AUTHENTICATION_TIMEOUT), Postgres' authentication_timeout; the connection is closed after it")
    public GatewayConfig setAuthenticationTimeout(Duration authenticationTimeout)
    {
        this.authenticationTimeout = authenticationTimeout;
        return this;
    }

    @MinDuration("100ms")
    @MaxDuration("600s")
    public Duration getStartupTimeout()
    {
        return startupTimeout;
    }

    @Config("pgwire.startup-timeout")
    @ConfigDescription("Time from connecting to the StartupMessage, TLS negotiation included (PGWIRE_STARTUP_TIMEOUT); the connection is closed after it")
    public GatewayConfig setStartupTimeout(Duration startupTimeout)
    {
        this.startupTimeout = startupTimeout;
        return this;
    }

    @NotNull
    public String getTrinoUrl()
    {
        return trinoUrl;
    }

    @Config("trino.url")
    public GatewayConfig setTrinoUrl(String trinoUrl)
    {
        this.trinoUrl = trinoUrl;
        return this;
    }

    @NotNull
    public String getTrinoCatalog()
    {
        return trinoCatalog;
    }

    @Config("trino.catalog")
    public GatewayConfig setTrinoCatalog(String trinoCatalog)
    {
        this.trinoCatalog = trinoCatalog;
        return this;
    }

    @NotNull
    public String getTrinoSchema()
    {
        return trinoSchema;
    }

    @Config("trino.schema")
    public GatewayConfig setTrinoSchema(String trinoSchema)
    {
        this.trinoSchema = trinoSchema;
        return this;
    }

    @NotNull
    public String getUser()
    {
        return user;
    }

    @Config("pgwire.user")
    public GatewayConfig setUser(String user)
    {
        this.user = user;
        return this;
    }

    public Optional<String> getPassword()
    {
        return Optional.ofNullable(password).filter(value -> !value.isEmpty());
    }

    @Config("pgwire.password")
    @ConfigSecuritySensitive
    public GatewayConfig setPassword(String password)
    {
        this.password = password;
        return this;
    }

    public boolean isAllowNoPassword()
    {
        return allowNoPassword;
    }

    @Config("pgwire.allow-no-password")
    @ConfigDescription("Accept clients without a password (PGWIRE_ALLOW_NO_PASSWORD=true); for local development only")
    public GatewayConfig setAllowNoPassword(boolean allowNoPassword)
    {
        this.allowNoPassword = allowNoPassword;
        return this;
    }

    @AssertTrue(message = "PGWIRE_PASSWORD is required; set PGWIRE_ALLOW_NO_PASSWORD=true to run without one on purpose")
    public boolean isPasswordConfigured()
    {
        return getPassword().isPresent() || allowNoPassword;
    }

    @NotNull
    public String getAuthenticationMethod()
    {
        return authenticationMethod;
    }

    @Config("pgwire.authentication-method")
    @ConfigDescription("scram-sha-256 (default), md5 or password (cleartext)")
    public GatewayConfig setAuthenticationMethod(String authenticationMethod)
    {
        this.authenticationMethod = authenticationMethod;
        return this;
    }

    public Optional<String> getTlsCertificateFile()
    {
        return Optional.ofNullable(tlsCertificateFile);
    }

    @Config("pgwire.tls.certificate-file")
    @ConfigDescription("PEM certificate chain; with the key file, clients may use TLS")
    public GatewayConfig setTlsCertificateFile(String tlsCertificateFile)
    {
        this.tlsCertificateFile = tlsCertificateFile;
        return this;
    }

    public Optional<String> getTlsKeyFile()
    {
        return Optional.ofNullable(tlsKeyFile);
    }

    @Config("pgwire.tls.key-file")
    @ConfigDescription("PEM private key (PKCS#8) of the certificate")
    public GatewayConfig setTlsKeyFile(String tlsKeyFile)
    {
        this.tlsKeyFile = tlsKeyFile;
        return this;
    }

    public Optional<String> getAdminToken()
    {
        return Optional.ofNullable(adminToken).filter(token -> !token.isBlank());
    }

    @Config("admin.token")
    @ConfigDescription("Bearer token of the admin REST endpoints (TIMEFUSION_ADMIN_TOKEN); unset, they answer 503")
    @ConfigSecuritySensitive
    public GatewayConfig setAdminToken(String adminToken)
    {
        this.adminToken = adminToken;
        return this;
    }

    @NotNull
    public String getTrinoAdminUser()
    {
        return trinoAdminUser;
    }

    @Config("trino.admin-user")
    @ConfigDescription("The Trino user the gateway administers projects as (TRINO_ADMIN_USER): the connector's timefusion.admin-user")
    public GatewayConfig setTrinoAdminUser(String trinoAdminUser)
    {
        this.trinoAdminUser = trinoAdminUser;
        return this;
    }

    // the connector's timefusion.admin-secret rule: it travels in a JDBC extraCredentials list ("name:value;…")
    public Optional<@Pattern(regexp = "[A-Za-z0-9._~+/=-]{16,}", message = "must be at least 16 characters of letters, digits and . _ ~ + / = -") String> getTrinoAdminSecret()
    {
        return Optional.ofNullable(trinoAdminSecret).filter(secret -> !secret.isBlank());
    }

    @Config("trino.admin-secret")
    @ConfigDescription("The secret the admin user presents to the connector (TRINO_ADMIN_SECRET): its timefusion.admin-secret")
    @ConfigSecuritySensitive
    public GatewayConfig setTrinoAdminSecret(String trinoAdminSecret)
    {
        this.trinoAdminSecret = trinoAdminSecret;
        return this;
    }

    @AssertTrue(message = "PGWIRE_USER must differ from TRINO_ADMIN_USER: Postgres sessions must never run as the Trino admin principal")
    public boolean isAdminUserSeparate()
    {
        return !trinoAdminUser.equals(user);
    }

    @AssertTrue(message = "PGWIRE_TLS_CERT and PGWIRE_TLS_KEY must be set together")
    public boolean isTlsConfigurationComplete()
    {
        return getTlsCertificateFile().isPresent() == getTlsKeyFile().isPresent();
    }

    public boolean isQueryCacheEnabled()
    {
        return queryCacheEnabled;
    }

    @Config("query-cache.enabled")
    @ConfigDescription("Answer repeated read queries from the gateway's result cache (ENABLE_QUERY_CACHE)")
    public GatewayConfig setQueryCacheEnabled(boolean queryCacheEnabled)
    {
        this.queryCacheEnabled = queryCacheEnabled;
        return this;
    }

    @Min(1)
    public int getQueryCacheMaxEntries()
    {
        return queryCacheMaxEntries;
    }

    @Config("query-cache.max-entries")
    @ConfigDescription("Cached results at most (QUERY_CACHE_MAX_ENTRIES)")
    public GatewayConfig setQueryCacheMaxEntries(int queryCacheMaxEntries)
    {
        this.queryCacheMaxEntries = queryCacheMaxEntries;
        return this;
    }

    @Min(1)
    public int getQueryCacheTtlSeconds()
    {
        return queryCacheTtlSeconds;
    }

    @Config("query-cache.ttl-seconds")
    @ConfigDescription("Lifetime of a cached result (QUERY_CACHE_TTL_SECONDS); bounds how stale a result can be after writes that bypass the gateway")
    public GatewayConfig setQueryCacheTtlSeconds(int queryCacheTtlSeconds)
    {
        this.queryCacheTtlSeconds = queryCacheTtlSeconds;
        return this;
    }

    @Min(1)
    public int getQueryCacheMaxSizeMb()
    {
        return queryCacheMaxSizeMb;
    }

    @Config("query-cache.max-size-mb")
    @ConfigDescription("Largest single result cached, in MB of heap (QUERY_CACHE_MAX_SIZE_MB); larger results are streamed and not cached")
    public GatewayConfig setQueryCacheMaxSizeMb(int queryCacheMaxSizeMb)
    {
        this.queryCacheMaxSizeMb = queryCacheMaxSizeMb;
        return this;
    }
}
