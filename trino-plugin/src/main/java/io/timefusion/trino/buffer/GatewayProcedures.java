package io.timefusion.trino.buffer;

import com.google.common.collect.ImmutableSet;
import com.google.inject.Inject;
import io.timefusion.contract.SystemSchema;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.procedure.Procedure;
import io.trino.spi.procedure.Procedure.Argument;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;

import static io.timefusion.contract.AdminCredentials.GATEWAY_TOKEN_CREDENTIAL;
import static io.timefusion.contract.SystemSchema.ANNOUNCE_GATEWAY;
import static io.timefusion.contract.SystemSchema.RETIRE_GATEWAY;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_GATEWAY_ERROR;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * {@code CALL timefusion.system.announce_gateway(gateway_id => …, url => …)} and {@code retire_gateway(gateway_id => …)}:
 * how a gateway makes its buffered rows visible to every query (docs/ingest.md, "The write buffer"). The gateway announces itself at start and
 * every 10 s as a heartbeat, and retires after its last flush. Its token travels only in the extra credential
 * {@value io.timefusion.contract.AdminCredentials#GATEWAY_TOKEN_CREDENTIAL} (the raw text, URL-safe base64 of 32 bytes),
 * never as an argument: Trino keeps statement texts in its query history.
 */
public class GatewayProcedures
{
    private static final MethodHandle ANNOUNCE;
    private static final MethodHandle RETIRE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ANNOUNCE = lookup.findVirtual(GatewayProcedures.class, "announce", MethodType.methodType(void.class, ConnectorSession.class, String.class, String.class));
            RETIRE = lookup.findVirtual(GatewayProcedures.class, "retire", MethodType.methodType(void.class, String.class));
        }
        catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final GatewayRegistry registry;

    @Inject
    public GatewayProcedures(GatewayRegistry registry)
    {
        this.registry = requireNonNull(registry, "registry is null");
    }

    public Set<Procedure> procedures()
    {
        return ImmutableSet.of(
                new Procedure(SystemSchema.NAME, ANNOUNCE_GATEWAY, List.of(new Argument("GATEWAY_ID", VARCHAR), new Argument("URL", VARCHAR)), ANNOUNCE.bindTo(this)),
                new Procedure(SystemSchema.NAME, RETIRE_GATEWAY, List.of(new Argument("GATEWAY_ID", VARCHAR)), RETIRE.bindTo(this)));
    }

    public void announce(ConnectorSession session, String gatewayId, String url)
    {
        String token = session.getIdentity().getExtraCredentials().get(GATEWAY_TOKEN_CREDENTIAL);
        List<String> problems = GatewayValidation.announcementProblems(gatewayId, url, token);
        if (!problems.isEmpty()) {
            throw new TrinoException(TIMEFUSION_GATEWAY_ERROR, "Invalid gateway announcement: " + String.join("; ", problems));
        }
        registry.announce(gatewayId, GatewayValidation.normalizedUrl(url).orElseThrow(), token);
    }

    public void retire(String gatewayId)
    {
        GatewayValidation.gatewayIdProblem(gatewayId).ifPresent(problem -> {
            throw new TrinoException(TIMEFUSION_GATEWAY_ERROR, "Invalid gateway retirement: " + problem);
        });
        registry.retire(gatewayId);
    }
}
