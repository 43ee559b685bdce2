package io.timefusion.gateway.server;

import io.airlift.log.Logger;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import io.timefusion.gateway.pgwire.protocol.BackendMessages;
import io.timefusion.gateway.pgwire.protocol.ErrorFields;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.CancelRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.GssEncRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.SslRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.StartupMessage;
import io.timefusion.gateway.pgwire.protocol.MessageTooLargeException;
import io.timefusion.gateway.pgwire.protocol.PgProtocolException;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The start of a connection, on the Netty event loop: its place among the logins in progress, TLS and GSS
 * negotiation, cancel requests and the StartupMessage. Everything after it goes to the connection's {@link PgSession},
 * which authenticates the client and only then takes a session's place.
 */
final class PgConnectionHandler
        extends SimpleChannelInboundHandler<FrontendMessage>
{
    private static final Logger log = Logger.get(PgConnectionHandler.class);

    private final SessionDependencies dependencies;
    private final ConnectionSlots slots;
    private final Optional<SslContext> sslContext;
    private PgSession session;
    private boolean overLoginLimit;

    PgConnectionHandler(SessionDependencies dependencies, ConnectionLimiter limiter, Optional<SslContext> sslContext)
    {
        this.dependencies = dependencies;
        this.slots = new ConnectionSlots(limiter);
        this.sslContext = sslContext;
    }

    @Override
    public void channelActive(ChannelHandlerContext context)
    {
        // refused only at the StartupMessage, where the client can read why
        overLoginLimit = !slots.tryStartLogin();
        context.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FrontendMessage message)
    {
        if (session != null) {
            session.enqueue(message);
            return;
        }
        switch (message) {
            case SslRequest _ -> answerSslRequest(context);
            case GssEncRequest _ -> context.writeAndFlush(unframedAnswer(context, out -> BackendMessages.gssEncResponse(out, false)));
            case CancelRequest cancel -> {
                dependencies.cancelRegistry().cancel(cancel.processId(), cancel.secretKey());
                context.close();
            }
            case StartupMessage startup -> startSession(context, startup);
            default -> fatalAndClose(context, "08P01", "expected a startup message, got " + message.getClass().getSimpleName());
        }
    }

    private void answerSslRequest(ChannelHandlerContext context)
    {
        if (sslContext.isEmpty()) {
            context.writeAndFlush(unframedAnswer(context, out -> BackendMessages.sslResponse(out, false)));
            return;
        }
        // the 'S' must leave unencrypted; TLS starts with the client's next bytes
        context.writeAndFlush(unframedAnswer(context, out -> BackendMessages.sslResponse(out, true)))
                .addListener((ChannelFutureListener) _ -> context.pipeline().addFirst("tls", sslContext.get().newHandler(context.alloc())));
    }

    private static ByteBuf unframedAnswer(ChannelHandlerContext context, Consumer<ByteBuf> answer)
    {
        ByteBuf out = context.alloc().buffer(1);
        answer.accept(out);
        return out;
    }

    private void startSession(ChannelHandlerContext context, StartupMessage startup)
    {
        if (overLoginLimit) {
            fatalAndClose(context, "53300", "sorry, too many clients already");
            return;
        }
        session = new PgSession(startup, context.channel(), dependencies, slots);
        session.start();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context)
    {
        if (session != null) {
            session.writabilityChanged();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context)
    {
        if (session != null) {
            session.closed();
        }
        slots.release();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause)
    {
        // the decoder's and TLS handler's failures arrive wrapped in a DecoderException
        Throwable failure = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        switch (failure) {
            case MessageTooLargeException tooLarge -> fatalAndClose(context, "08P01", tooLarge.getMessage());
            case PgProtocolException violation -> fatalAndClose(context, "08P01", violation.getMessage());
            // a reset connection or a failed TLS handshake: nothing readable can reach the client any more
            case IOException _ -> context.close();
            default -> {
                log.warn(failure, "Closing a pgwire connection after an unexpected failure");
                fatalAndClose(context, "XX000", "internal error");
            }
        }
    }

    private static void fatalAndClose(ChannelHandlerContext context, String sqlState, String message)
    {
        var buffer = context.alloc().buffer();
        BackendMessages.errorResponse(buffer, ErrorFields.of(ErrorFields.Severity.FATAL, sqlState, message));
        context.writeAndFlush(buffer).addListener(ChannelFutureListener.CLOSE);
    }
}
