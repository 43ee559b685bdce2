package io.timefusion.trino.security;

import com.google.inject.Inject;
import io.timefusion.trino.TimeFusionConfig;
import io.trino.spi.security.ConnectorIdentity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import static io.timefusion.contract.AdminCredentials.ADMIN_SECRET_CREDENTIAL;
import static java.util.Objects.requireNonNull;

/**
 * Who administers projects: the Trino user {@code timefusion.admin-user}. Trino takes a user name on trust unless it
 * authenticates users itself (over plain HTTP it believes the X-Trino-User header), so with
 * {@code timefusion.admin-secret} set the user must also carry that secret as the extra credential
 * {@value io.timefusion.contract.AdminCredentials#ADMIN_SECRET_CREDENTIAL}. Extra credentials stay out of query text and
 * query history.
 */
public class AdminPrincipal
{
    private final String user;
    private final Optional<byte[]> secret;

    @Inject
    public AdminPrincipal(TimeFusionConfig config)
    {
        this(config.getAdminUser(), config.getAdminSecret());
    }

    public AdminPrincipal(String user, Optional<String> secret)
    {
        this.user = requireNonNull(user, "user is null");
        this.secret = secret.map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isAdmin(ConnectorIdentity identity)
    {
        if (!identity.getUser().equals(user)) {
            return false;
        }
        if (secret.isEmpty()) {
            return true;
        }
        String presented = identity.getExtraCredentials().get(ADMIN_SECRET_CREDENTIAL);
        // constant time: a wrong guess must not tell how much of it was right
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), secret.get());
    }
}
