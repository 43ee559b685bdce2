package io.timefusion.gateway.pgwire.protocol;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Bind;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.CancelRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Close;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.CopyData;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.CopyDone;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.CopyFail;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Describe;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Execute;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Flush;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.GssEncRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Parse;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.PasswordMessage;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Query;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.SslRequest;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.StartupMessage;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Sync;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Target;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Terminate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.timefusion.gateway.pgwire.protocol.WireBytes.body;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPgFrontendDecoder
{
    private static final int MAX_MESSAGE_LENGTH = 1 << 20;
    private static final byte[] STARTUP = body().int32(196608).cstring("user").cstring("alice").int8(0).untagged();

    private final EmbeddedChannel channel = new EmbeddedChannel(new PgFrontendDecoder(MAX_MESSAGE_LENGTH));

    @Test
    void decodesSslRequest()
    {
        assertThat(decode(body().int32(80877103).untagged())).containsExactly(new SslRequest());
    }

    @Test
    void decodesGssEncRequest()
    {
        assertThat(decode(body().int32(80877104).untagged())).containsExactly(new GssEncRequest());
    }

    @Test
    void decodesCancelRequest()
    {
        assertThat(decode(body().int32(80877102).int32(4711).int32(-12345).untagged())).containsExactly(new CancelRequest(4711, -12345));
    }

    @Test
    void decodesStartupMessageWithParametersInSentOrder()
    {
        byte[] packet = body().int32(196608)
                .cstring("user").cstring("alice")
                .cstring("database").cstring("metrics")
                .cstring("application_name").cstring("psql ✓")
                .int8(0)
                .untagged();

        StartupMessage startup = (StartupMessage) decodeOne(packet);

        assertThat(startup.majorVersion()).isEqualTo(3);
        assertThat(startup.minorVersion()).isZero();
        assertThat(startup.parameters()).containsExactly(
                Map.entry("user", "alice"),
                Map.entry("database", "metrics"),
                Map.entry("application_name", "psql ✓"));
    }

    @Test
    void acceptsNewerMinorVersionForTheServerToNegotiate()
    {
        StartupMessage startup = (StartupMessage) decodeOne(body().int32(3 << 16 | 2).cstring("user").cstring("a").int8(0).untagged());

        assertThat(startup.minorVersion()).isEqualTo(2);
    }

    @Test
    void rejectsProtocolVersion2()
    {
        assertViolation(body().int32(2 << 16).cstring("user").cstring("a").int8(0).untagged(), "unsupported frontend protocol 2.0");
    }

    @Test
    void staysInStartupPhaseAfterSslRequest()
    {
        decode(body().int32(80877103).untagged());

        assertThat(decodeOne(STARTUP)).isInstanceOf(StartupMessage.class);
    }

    @Test
    void acceptsSslRequestAfterRefusedGssEncRequest()
    {
        decode(body().int32(80877104).untagged());

        assertThat(decode(body().int32(80877103).untagged())).containsExactly(new SslRequest());
    }

    @Test
    void rejectsSecondSslRequest()
    {
        decode(body().int32(80877103).untagged());

        assertViolation(body().int32(80877103).untagged(), "duplicate SSLRequest");
    }

    @Test
    void rejectsBytesSentBeforeTheAnswerToSslRequest()
    {
        byte[] sslRequest = body().int32(80877103).untagged();

        assertViolation(concat(sslRequest, STARTUP), "received unencrypted data after SSL request");
    }

    @Test
    void rejectsDataAfterCancelRequest()
    {
        decode(body().int32(80877102).int32(1).int32(2).untagged());

        assertViolation(STARTUP, "unexpected data after CancelRequest");
    }

    @Test
    void decodesQuery()
    {
        assertThat(decodeAfterStartup(body().cstring("SELECT 'ü'").tagged('Q'))).isEqualTo(new Query("SELECT 'ü'"));
    }

    @Test
    void decodesParse()
    {
        Parse parse = (Parse) decodeAfterStartup(body().cstring("s1").cstring("SELECT $1, $2").int16(2).int32(23).int32(0).tagged('P'));

        assertThat(parse.statementName()).isEqualTo("s1");
        assertThat(parse.sql()).isEqualTo("SELECT $1, $2");
        assertThat(parse.parameterTypeOids()).containsExactly(23, 0);
    }

    @Test
    void readsParameterCountsAsUnsigned()
    {
        WireBytes body = body().cstring("").cstring("SELECT 1").int16(40_000);
        for (int i = 0; i < 40_000; i++) {
            body.int32(25);
        }

        Parse parse = (Parse) decodeAfterStartup(body.tagged('P'));

        assertThat(parse.parameterTypeOids()).hasSize(40_000);
    }

    @Test
    void decodesBindWithNullParameter()
    {
        byte[] message = body().cstring("portal").cstring("s1")
                .int16(2).int16(1).int16(0)
                .int16(2).int32(4).int32(42).int32(-1)
                .int16(1).int16(1)
                .tagged('B');

        Bind bind = (Bind) decodeAfterStartup(message);

        assertThat(bind.portalName()).isEqualTo("portal");
        assertThat(bind.statementName()).isEqualTo("s1");
        assertThat(bind.parameterFormats()).containsExactly((short) 1, (short) 0);
        assertThat(bind.parameterValues()).hasSize(2);
        assertThat(bind.parameterValues().get(0)).containsExactly(0, 0, 0, 42);
        assertThat(bind.parameterValues().get(1)).isNull();
        assertThat(bind.resultFormats()).containsExactly((short) 1);
    }

    @Test
    void decodesDescribeOfStatementAndPortal()
    {
        assertThat(decodeAfterStartup(body().int8('S').cstring("s1").tagged('D'))).isEqualTo(new Describe(Target.STATEMENT, "s1"));
        assertThat(decode(body().int8('P').cstring("").tagged('D'))).containsExactly(new Describe(Target.PORTAL, ""));
    }

    @Test
    void decodesExecute()
    {
        assertThat(decodeAfterStartup(body().cstring("p").int32(100).tagged('E'))).isEqualTo(new Execute("p", 100));
    }

    @Test
    void decodesCloseOfStatementAndPortal()
    {
        assertThat(decodeAfterStartup(body().int8('S').cstring("s1").tagged('C'))).isEqualTo(new Close(Target.STATEMENT, "s1"));
        assertThat(decode(body().int8('P').cstring("p1").tagged('C'))).containsExactly(new Close(Target.PORTAL, "p1"));
    }

    @Test
    void decodesMessagesWithoutBody()
    {
        startSession();
        byte[] messages = concat(body().tagged('S'), body().tagged('H'), body().tagged('c'), body().tagged('X'));

        assertThat(decode(messages)).containsExactly(new Sync(), new Flush(), new CopyDone(), new Terminate());
    }

    @Test
    void decodesCopyDataAndCopyFail()
    {
        CopyData data = (CopyData) decodeAfterStartup(body().bytes("1\tx\n".getBytes(UTF_8)).tagged('d'));

        assertThat(data.data()).isEqualTo("1\tx\n".getBytes(UTF_8));
        assertThat(decode(body().cstring("aborted by user").tagged('f'))).containsExactly(new CopyFail("aborted by user"));
    }

    @Test
    void decodesPasswordMessageAsRawBody()
    {
        PasswordMessage password = (PasswordMessage) decodeAfterStartup(body().cstring("secret").tagged('p'));

        assertThat(password.payload()).isEqualTo("secret\0".getBytes(UTF_8));
        assertThat(password.asCString()).isEqualTo("secret");
    }

    @Test
    void waitsForWholeFramesFedOneByteAtATime()
    {
        byte[] stream = concat(STARTUP, body().cstring("SELECT 1").tagged('Q'), body().tagged('S'));
        List<Object> decoded = new ArrayList<>();

        for (int i = 0; i < stream.length; i++) {
            List<Object> now = decode(new byte[] {stream[i]});
            boolean frameEnds = i == STARTUP.length - 1 || i == stream.length - 6 || i == stream.length - 1;
            assertThat(now).as("messages after byte %d", i).hasSize(frameEnds ? 1 : 0);
            decoded.addAll(now);
        }

        assertThat(decoded).hasSize(3);
        assertThat(decoded.get(1)).isEqualTo(new Query("SELECT 1"));
        assertThat(decoded.get(2)).isEqualTo(new Sync());
    }

    @Test
    void decodesSeveralFramesArrivingInOneBuffer()
    {
        byte[] stream = concat(STARTUP, body().cstring("SELECT 1").tagged('Q'), body().cstring("SELECT 2").tagged('Q'));

        assertThat(decode(stream)).hasSize(3).last().isEqualTo(new Query("SELECT 2"));
    }

    @Test
    void rejectsStartupPacketShorterThanItsHeader()
    {
        assertViolation(body().int32(4).int32(0).toArray(), "invalid length of startup packet");
    }

    @Test
    void rejectsStartupPacketOverPostgresLimitBeforeItArrives()
    {
        assertThatThrownBy(() -> decode(body().int32(10_001).int32(196608).toArray()))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isInstanceOf(MessageTooLargeException.class)
                .hasMessage("message length 10001 exceeds the limit of 10000 bytes");
    }

    @Test
    void rejectsNegativeMessageLength()
    {
        startSession();

        assertViolation(body().int8('Q').int32(-1).toArray(), "invalid message length: -1");
    }

    @Test
    void rejectsMessageLengthBelowItsOwnSize()
    {
        startSession();

        assertViolation(body().int8('Q').int32(3).toArray(), "invalid message length: 3");
    }

    @Test
    void rejectsMessageOverConfiguredLimitAsSoonAsHeaderArrives()
    {
        startSession();

        assertThatThrownBy(() -> decode(body().int8('Q').int32(MAX_MESSAGE_LENGTH + 1).toArray()))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isInstanceOfSatisfying(MessageTooLargeException.class, e -> {
                    assertThat(e.length()).isEqualTo(MAX_MESSAGE_LENGTH + 1);
                    assertThat(e.limit()).isEqualTo(MAX_MESSAGE_LENGTH);
                    assertThat(e.sqlState()).isEqualTo("08P01");
                })
                .hasMessageContaining("1048577").hasMessageContaining("1048576");
    }

    @Test
    void beforeAuthenticationNoMessageMayExceedAnAuthenticationMessage()
    {
        decode(STARTUP);

        assertThatThrownBy(() -> decode(body().int8('p').int32(MessageLimits.MAX_AUTHENTICATION + 5).toArray()))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isInstanceOf(MessageTooLargeException.class)
                .hasMessage("message length 65540 exceeds the limit of 65539 bytes");
    }

    @Test
    void aStatementOverItsLimitIsAnsweredOnItsHeaderAndItsBodySkippedAsItArrives()
    {
        EmbeddedChannel limited = new EmbeddedChannel(new PgFrontendDecoder(new MessageLimits(MAX_MESSAGE_LENGTH, 1000, 2000)));
        limited.writeInbound(Unpooled.wrappedBuffer(STARTUP));
        assertThat((Object) limited.readInbound()).isInstanceOf(StartupMessage.class);
        limited.pipeline().fireUserEventTriggered(ConnectionEvent.AUTHENTICATED);

        byte[] query = body().cstring("SELECT '" + "x".repeat(5000) + "'").tagged('Q');
        // the header alone is enough to refuse it: nothing waits for (or holds) the body
        limited.writeInbound(Unpooled.wrappedBuffer(query, 0, 5));
        assertThat((Object) limited.readInbound()).isEqualTo(new FrontendMessage.Oversized((byte) 'Q', query.length - 5, 1000));
        for (int offset = 5; offset < query.length; offset += 700) {
            limited.writeInbound(Unpooled.wrappedBuffer(query, offset, Math.min(700, query.length - offset)));
            assertThat((Object) limited.readInbound()).isNull();
        }
        byte[] bind = body().cstring("").cstring("").int16(0).int16(1).int32(3000).bytes(new byte[3000]).int16(0).tagged('B');
        limited.writeInbound(Unpooled.wrappedBuffer(concat(bind, body().tagged('S'), body().cstring("SELECT 1").tagged('Q'))));

        assertThat((Object) limited.readInbound()).isEqualTo(new FrontendMessage.Oversized((byte) 'B', bind.length - 5, 2000));
        assertThat((Object) limited.readInbound()).isEqualTo(new Sync());
        assertThat((Object) limited.readInbound()).isEqualTo(new Query("SELECT 1"));
    }

    @Test
    void aControlMessageOverPostgresSmallMessageLimitEndsTheConnection()
    {
        startSession();

        assertThatThrownBy(() -> decode(body().int8('S').cstring("x".repeat(MessageLimits.MAX_CONTROL)).tagged('D')))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isInstanceOf(MessageTooLargeException.class);
    }

    @Test
    void readsAFunctionCallWithoutItsBody()
    {
        startSession();

        assertThat(decode(body().int32(1234).tagged('F'))).containsExactly(new FrontendMessage.FunctionCall());
    }

    @Test
    void rejectsUnknownTag()
    {
        startSession();

        assertViolation(body().tagged('G'), "invalid frontend message type 71 ('G')");
    }

    @Test
    void rejectsStringWithoutTerminator()
    {
        startSession();

        assertViolation(body().bytes("SELECT 1".getBytes(UTF_8)).tagged('Q'), "invalid string in Query message");
    }

    @Test
    void rejectsCountOverrunningTheBody()
    {
        startSession();

        assertViolation(body().cstring("").cstring("SELECT $1").int16(5).int32(23).tagged('P'), "insufficient data left in Parse message");
    }

    @Test
    void rejectsParameterLengthOverrunningTheBody()
    {
        startSession();
        byte[] message = body().cstring("").cstring("").int16(0).int16(1).int32(100).int32(1).int16(0).tagged('B');

        assertViolation(message, "insufficient data left in Bind message");
    }

    @Test
    void rejectsParameterLengthBelowMinusOne()
    {
        startSession();
        byte[] message = body().cstring("").cstring("").int16(0).int16(1).int32(-2).int16(0).tagged('B');

        assertViolation(message, "invalid parameter length in Bind message");
    }

    @Test
    void rejectsTrailingBytes()
    {
        startSession();

        assertViolation(body().int8(1).tagged('S'), "invalid Sync message format");
    }

    @Test
    void rejectsUnknownDescribeTarget()
    {
        startSession();

        assertViolation(body().int8('X').cstring("s").tagged('D'), "invalid Describe message subtype");
    }

    @Test
    void rejectsStartupParametersWithoutTerminator()
    {
        assertViolation(body().int32(196608).cstring("user").cstring("alice").untagged(), "startup message");
    }

    @Test
    void rejectsSslRequestWithBody()
    {
        assertViolation(body().int32(80877103).int32(0).untagged(), "invalid SSLRequest message format");
    }

    @Test
    void discardsEverythingAfterAnError()
    {
        startSession();
        assertThatThrownBy(() -> decode(body().tagged('G'))).isInstanceOf(DecoderException.class);

        assertThat(decode(body().cstring("SELECT 1").tagged('Q'))).isEmpty();
    }

    private List<Object> decode(byte[] bytes)
    {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        List<Object> messages = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            messages.add(message);
        }
        return messages;
    }

    private Object decodeOne(byte[] bytes)
    {
        List<Object> messages = decode(bytes);
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private Object decodeAfterStartup(byte[] bytes)
    {
        startSession();
        return decodeOne(bytes);
    }

    /** The StartupMessage, and the server's word that the client authenticated. */
    private void startSession()
    {
        assertThat(decode(STARTUP)).hasSize(1);
        channel.pipeline().fireUserEventTriggered(ConnectionEvent.AUTHENTICATED);
    }

    private void assertViolation(byte[] bytes, String message)
    {
        assertThatThrownBy(() -> decode(bytes))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining(message);
    }

    private static byte[] concat(byte[]... parts)
    {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
