package io.timefusion.gateway.server;

import com.google.inject.Inject;
import io.airlift.log.Logger;
import io.airlift.units.DataSize;
import io.timefusion.gateway.GatewayConfig;
import io.timefusion.gateway.pgwire.protocol.MessageLimits;

/**
 * How much heap client input may take: each limit is configured or, by default, a share of the heap, so a gateway
 * given a larger heap accepts larger statements without anyone tuning it.
 *
 * <ul>
 * <li>Statements: JSqlParser holds up to about 200 times a statement's text while it parses it (measured here: 512 kB
 * of {@code SELECT 1, 1, …} needed between 64 and 128 MB; a 1 MB INSERT of literal rows about 50 MB). A Query or
 * Parse may therefore take 1/512 of the heap, and {@link TranslationBudget} lets the statements of all sessions
 * together hold no more text than that while they are translated: at most about 40 % of the heap.</li>
 * <li>Bind: its values become literals or ingest rows, a few times their size, without a parser: 1/64 of the heap.</li>
 * <li>Messages received but not yet handled, per session: 1/8 of the heap shared by MAX_PG_CONNECTIONS sessions.</li>
 * </ul>
 * None is below 64 kB, and none above the frame limit (PGWIRE_MAX_MESSAGE_SIZE).
 */
public class InputLimits
{
    private static final Logger log = Logger.get(InputLimits.class);

    static final int STATEMENT_SHARE_OF_HEAP = 512;
    static final int BIND_SHARE_OF_HEAP = 64;
    static final int SESSION_INPUT_SHARE_OF_HEAP = 8;
    private static final long FLOOR = 64 * 1024;

    private final MessageLimits messageLimits;
    private final long sessionInput;

    @Inject
    public InputLimits(GatewayConfig config)
    {
        this(config, Runtime.getRuntime().maxMemory());
        log.info("Input limits for a heap of %s: statement %s, bind %s, unhandled input per session %s, frame %s",
                DataSize.succinctBytes(Runtime.getRuntime().maxMemory()), DataSize.succinctBytes(messageLimits.maxStatement()),
                DataSize.succinctBytes(messageLimits.maxBind()), DataSize.succinctBytes(sessionInput), DataSize.succinctBytes(messageLimits.maxFrame()));
    }

    InputLimits(GatewayConfig config, long heapBytes)
    {
        int frame = (int) config.getMaxMessageSize().toBytes();
        int statement = limit(config.getMaxStatementSize().map(DataSize::toBytes).orElse(heapBytes / STATEMENT_SHARE_OF_HEAP), frame);
        int bind = limit(config.getMaxBindSize().map(DataSize::toBytes).orElse(heapBytes / BIND_SHARE_OF_HEAP), frame);
        this.messageLimits = new MessageLimits(frame, statement, bind);
        this.sessionInput = limit(config.getMaxSessionInput().map(DataSize::toBytes)
                .orElse(heapBytes / SESSION_INPUT_SHARE_OF_HEAP / config.getMaxConnections()), frame);
    }

    private static int limit(long bytes, int frame)
    {
        return (int) Math.min(Math.max(bytes, FLOOR), frame);
    }

    public MessageLimits messageLimits()
    {
        return messageLimits;
    }

    /** Bytes of messages a session may have queued before the gateway stops reading from its socket. */
    public long sessionInput()
    {
        return sessionInput;
    }
}
