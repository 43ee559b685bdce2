package io.timefusion.gateway.http;

import com.google.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import static java.util.Objects.requireNonNull;

/** Refuses requests to {@link AdminOnly} endpoints that lack the admin bearer token (see {@link AdminAuthorization}). */
@AdminOnly
public class AdminTokenFilter
        implements ContainerRequestFilter
{
    private final AdminAuthorization authorization;

    @Inject
    public AdminTokenFilter(AdminAuthorization authorization)
    {
        this.authorization = requireNonNull(authorization, "authorization is null");
    }

    @Override
    public void filter(ContainerRequestContext request)
    {
        authorization.refusal(request.getHeaderString(HttpHeaders.AUTHORIZATION)).ifPresent(request::abortWith);
    }
}
