package io.timefusion.gateway.server;

import com.google.inject.Inject;
import io.airlift.log.Logger;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.timefusion.gateway.GatewayConfig;
import io.timefusion.gateway.pgwire.protocol.MessageLimits;
import io.timefusion.gateway.pgwire.protocol.PgFrontendDecoder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import java.io.File;
import java.net.InetSocketAddress;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The PostgreSQL wire-protocol listener: accepts connections and gives each its decoder and handler. */
public class PgServer
{
    private static final Logger log = Logger.get(PgServer.class);
    // a client that reads slower than Trino delivers holds at most this much in the gateway
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private final GatewayConfig config;
    private final SessionDependencies dependencies;
    private final ConnectionLimiter limiter;
    private final MessageLimits messageLimits;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;

    @Inject
    public PgServer(GatewayConfig config, SessionDependencies dependencies, ConnectionLimiter limiter)
    {
        this.config = requireNonNull(config, "config is null");
        this.dependencies = requireNonNull(dependencies, "dependencies is null");
        this.limiter = requireNonNull(limiter, "limiter is null");
        this.messageLimits = dependencies.inputLimits().messageLimits();
    }

    @PostConstruct
    public void start()
            throws Exception
    {
        Optional<SslContext> sslContext = config.getTlsCertificateFile().isPresent()
                ? Optional.of(SslContextBuilder.forServer(new File(config.getTlsCertificateFile().get()), new File(config.getTlsKeyFile().orElseThrow())).build())
                : Optional.empty();
        bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workerGroup = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                // Netty 4.2.1's default adaptive allocator hands out buffers whose memory is reclaimed while they
                // are still queued for writing when sessions allocate on virtual threads and the event loop frees
                // (netty/netty#15206): replies reached clients corrupted or the write failed and the connection
                // closed. Trino pins the pooled allocator for the same reason.
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(SocketChannel channel)
                    {
                        channel.pipeline()
                                .addLast("decoder", new PgFrontendDecoder(messageLimits))
                                .addLast("login-timeout", new LoginTimeoutHandler(config.getStartupTimeout(), config.getAuthenticationTimeout()))
                                .addLast("handler", new PgConnectionHandler(dependencies, limiter, sslContext));
                    }
                });
        serverChannel = bootstrap.bind(config.getPgwireBindAddress(), config.getPgwirePort()).sync().channel();
        log.info("PostgreSQL wire protocol listening on %s", serverChannel.localAddress());
    }

    public int port()
    {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @PreDestroy
    public void stop()
    {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (bossGroup != null) {
            bossGroup.shutdownGracefully();
            workerGroup.shutdownGracefully();
        }
    }
}
