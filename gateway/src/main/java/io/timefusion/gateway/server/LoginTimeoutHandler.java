package io.timefusion.gateway.server;

import io.airlift.units.Duration;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.timefusion.gateway.pgwire.protocol.BackendMessages;
import io.timefusion.gateway.pgwire.protocol.ConnectionEvent;
import io.timefusion.gateway.pgwire.protocol.ErrorFields;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.CancelRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.StartupMessage;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The deadlines of a login, counted from the moment the connection is accepted: the StartupMessage (after any TLS
 * negotiation) within PGWIRE_STARTUP_TIMEOUT, a completed authentication within PGWIRE_AUTHENTICATION_TIMEOUT
 * (Postgres' authentication_timeout). A client that misses one is disconnected, which frees its place. The handler
 * leaves the pipeline once the session reports {@link ConnectionEvent#AUTHENTICATED}.
 */
final class LoginTimeoutHandler
        extends ChannelInboundHandlerAdapter
{
    private final Duration startupTimeout;
    private final Duration authenticationTimeout;
    private ScheduledFuture<?> startupDeadline;
    private ScheduledFuture<?> authenticationDeadline;

    LoginTimeoutHandler(Duration startupTimeout, Duration authenticationTimeout)
    {
        this.startupTimeout = startupTimeout;
        this.authenticationTimeout = authenticationTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext context)
    {
        // before the StartupMessage the client may be in a TLS handshake: no Postgres message can reach it, and Postgres too just closes
        startupDeadline = context.executor().schedule(() -> context.close(), startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        authenticationDeadline = context.executor().schedule(() -> {
            // the code and words of Postgres' own authentication_timeout (which only logs them: the client may well read them)
            var buffer = context.alloc().buffer();
            BackendMessages.errorResponse(buffer, ErrorFields.of(ErrorFields.Severity.FATAL, "57014", "canceling authentication due to timeout"));
            context.writeAndFlush(buffer).addListener(ChannelFutureListener.CLOSE);
        }, authenticationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message)
    {
        if (message instanceof StartupMessage || message instanceof CancelRequest) {
            cancel(startupDeadline);
        }
        context.fireChannelRead(message);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event)
    {
        if (event == ConnectionEvent.AUTHENTICATED) {
            cancel(startupDeadline);
            cancel(authenticationDeadline);
            context.pipeline().remove(this);
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context)
    {
        cancel(startupDeadline);
        cancel(authenticationDeadline);
        context.fireChannelInactive();
    }

    private static void cancel(ScheduledFuture<?> deadline)
    {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
