package io.timefusion.gateway.http;

import com.google.inject.Inject;
import io.timefusion.gateway.GatewayConfig;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** The bearer-token check of the admin endpoints: 503 when no token is configured, 401 without one, 403 for a wrong one. */
public class AdminAuthorization
{
    private final Optional<byte[]> token;

    @Inject
    public AdminAuthorization(GatewayConfig config)
    {
        this.token = config.getAdminToken().map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    /** The refusal to send, or empty when the request may proceed. */
    public Optional<Response> refusal(String authorizationHeader)
    {
        if (token.isEmpty()) {
            return Optional.of(JsonResponses.error(Response.Status.SERVICE_UNAVAILABLE, "admin endpoints are disabled: set TIMEFUSION_ADMIN_TOKEN"));
        }
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
            return Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .entity(Map.of("error", "missing bearer token"))
                    .build());
        }
        byte[] given = authorizationHeader.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.get())) {
            return Optional.of(JsonResponses.error(Response.Status.FORBIDDEN, "wrong bearer token"));
        }
        return Optional.empty();
    }
}
