package io.timefusion.gateway.server;

import io.netty.channel.embedded.EmbeddedChannel;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSessionInbox
{
    private static final FrontendMessage.Query QUERY = new FrontendMessage.Query("SELECT '" + "x".repeat(1000) + "'");

    @Test
    void readingStopsOverTheLimitAndResumesOnceHalfIsHandled()
            throws InterruptedException
    {
        EmbeddedChannel channel = new EmbeddedChannel();
        long limit = 10 * SessionInbox.sizeOf(QUERY);
        SessionInbox inbox = new SessionInbox(channel, limit);

        for (int i = 0; i < 10; i++) {
            inbox.add(QUERY);
        }
        assertThat(channel.config().isAutoRead()).isTrue();
        inbox.add(QUERY);
        assertThat(channel.config().isAutoRead()).isFalse();

        for (int i = 0; i < 5; i++) {
            assertThat(inbox.take()).isEqualTo(QUERY);
        }
        assertThat(channel.config().isAutoRead()).isFalse();
        inbox.take();
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void skippedMessagesCountByWhatWasSkipped()
    {
        EmbeddedChannel channel = new EmbeddedChannel();
        SessionInbox inbox = new SessionInbox(channel, 1 << 20);

        inbox.add(new FrontendMessage.Oversized((byte) 'Q', 2 << 20, 1 << 20));

        assertThat(channel.config().isAutoRead()).isFalse();
    }
}
