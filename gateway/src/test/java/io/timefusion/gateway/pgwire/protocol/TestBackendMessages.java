package io.timefusion.gateway.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.timefusion.gateway.pgwire.protocol.ErrorFields.Severity;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import static io.timefusion.gateway.pgwire.protocol.WireBytes.body;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestBackendMessages
{
    @Test
    void sslResponseIsOneUnframedByte()
    {
        assertThat(written(out -> BackendMessages.sslResponse(out, true))).containsExactly('S');
        assertThat(written(out -> BackendMessages.sslResponse(out, false))).containsExactly('N');
    }

    @Test
    void gssEncResponseIsOneUnframedByte()
    {
        assertThat(written(out -> BackendMessages.gssEncResponse(out, true))).containsExactly('G');
        assertThat(written(out -> BackendMessages.gssEncResponse(out, false))).containsExactly('N');
    }

    @Test
    void authenticationOkMatchesTheDocumentedBytes()
    {
        assertThat(written(BackendMessages::authenticationOk)).isEqualTo(hex("520000000800000000"));
    }

    @Test
    void authenticationCleartextPassword()
    {
        assertThat(written(BackendMessages::authenticationCleartextPassword)).isEqualTo(body().int32(3).tagged('R'));
    }

    @Test
    void authenticationMd5PasswordCarriesTheSalt()
    {
        byte[] salt = {1, 2, 3, 4};

        assertThat(written(out -> BackendMessages.authenticationMd5Password(out, salt))).isEqualTo(hex("520000000c0000000501020304"));
    }

    @Test
    void authenticationMd5PasswordRejectsSaltOfWrongSize()
    {
        assertThatThrownBy(() -> written(out -> BackendMessages.authenticationMd5Password(out, new byte[3])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authenticationSaslListsMechanismsAndEndsWithEmptyString()
    {
        byte[] expected = body().int32(10).cstring("SCRAM-SHA-256-PLUS").cstring("SCRAM-SHA-256").int8(0).tagged('R');

        assertThat(written(out -> BackendMessages.authenticationSasl(out, List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256")))).isEqualTo(expected);
    }

    @Test
    void authenticationSaslContinueAndFinalCarryTheData()
    {
        byte[] data = "r=abc,s=c2FsdA==,i=4096".getBytes(UTF_8);

        assertThat(written(out -> BackendMessages.authenticationSaslContinue(out, data))).isEqualTo(body().int32(11).bytes(data).tagged('R'));
        assertThat(written(out -> BackendMessages.authenticationSaslFinal(out, data))).isEqualTo(body().int32(12).bytes(data).tagged('R'));
    }

    @Test
    void parameterStatus()
    {
        assertThat(written(out -> BackendMessages.parameterStatus(out, "TimeZone", "UTC")))
                .isEqualTo(body().cstring("TimeZone").cstring("UTC").tagged('S'));
    }

    @Test
    void backendKeyData()
    {
        assertThat(written(out -> BackendMessages.backendKeyData(out, 42, -7))).isEqualTo(hex("4b0000000c0000002afffffff9"));
    }

    @Test
    void readyForQueryCarriesTheTransactionStatus()
    {
        assertThat(written(out -> BackendMessages.readyForQuery(out, TransactionStatus.IDLE))).isEqualTo(hex("5a0000000549"));
        assertThat(written(out -> BackendMessages.readyForQuery(out, TransactionStatus.IN_TRANSACTION))).isEqualTo(hex("5a0000000554"));
        assertThat(written(out -> BackendMessages.readyForQuery(out, TransactionStatus.FAILED))).isEqualTo(hex("5a0000000545"));
    }

    @Test
    void rowDescription()
    {
        List<FieldDescription> fields = List.of(
                new FieldDescription("id", 16384, (short) 1, 23, (short) 4, -1, (short) 1),
                FieldDescription.computed("name", 25, (short) -1, (short) 0));
        byte[] expected = body().int16(2)
                .cstring("id").int32(16384).int16(1).int32(23).int16(4).int32(-1).int16(1)
                .cstring("name").int32(0).int16(0).int32(25).int16(-1).int32(-1).int16(0)
                .tagged('T');

        assertThat(written(out -> BackendMessages.rowDescription(out, fields))).isEqualTo(expected);
    }

    @Test
    void dataRowWritesNullAsLengthMinusOne()
    {
        byte[] expected = body().int16(3).int32(1).bytes("7".getBytes(UTF_8)).int32(-1).int32(0).tagged('D');

        assertThat(written(out -> BackendMessages.dataRow(out, Arrays.asList("7".getBytes(UTF_8), null, new byte[0])))).isEqualTo(expected);
    }

    @Test
    void dataRowWriterProducesTheSameBytesAsDataRow()
    {
        byte[] viaList = written(out -> BackendMessages.dataRow(out, Arrays.asList("grüße".getBytes(UTF_8), null, new byte[] {1})));

        byte[] viaWriter = written(out -> DataRowWriter.begin(out, 3).utf8Value("grüße").nullValue().value(new byte[] {1}).end());

        assertThat(viaWriter).isEqualTo(viaList);
    }

    @Test
    void dataRowWriterRefusesWrongColumnCount()
    {
        ByteBuf out = Unpooled.buffer();
        DataRowWriter row = DataRowWriter.begin(out, 1).nullValue();

        assertThatThrownBy(row::nullValue).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DataRowWriter.begin(out, 2).nullValue().end()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void commandComplete()
    {
        assertThat(written(out -> BackendMessages.commandComplete(out, "SELECT 3"))).isEqualTo(body().cstring("SELECT 3").tagged('C'));
    }

    @Test
    void cStringsRefuseEmbeddedNul()
    {
        assertThatThrownBy(() -> written(out -> BackendMessages.commandComplete(out, "SELECT\0 3"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagesWithoutBody()
    {
        assertThat(written(BackendMessages::emptyQueryResponse)).isEqualTo(hex("4900000004"));
        assertThat(written(BackendMessages::parseComplete)).isEqualTo(hex("3100000004"));
        assertThat(written(BackendMessages::bindComplete)).isEqualTo(hex("3200000004"));
        assertThat(written(BackendMessages::closeComplete)).isEqualTo(hex("3300000004"));
        assertThat(written(BackendMessages::noData)).isEqualTo(hex("6e00000004"));
        assertThat(written(BackendMessages::portalSuspended)).isEqualTo(hex("7300000004"));
    }

    @Test
    void errorResponseWritesAllPresentFields()
    {
        ErrorFields error = ErrorFields.of(Severity.ERROR, "42P01", "relation \"t\" does not exist")
                .withDetail("detail")
                .withHint("hint")
                .withPosition(15);
        byte[] expected = body()
                .int8('S').cstring("ERROR")
                .int8('V').cstring("ERROR")
                .int8('C').cstring("42P01")
                .int8('M').cstring("relation \"t\" does not exist")
                .int8('D').cstring("detail")
                .int8('H').cstring("hint")
                .int8('P').cstring("15")
                .int8(0)
                .tagged('E');

        assertThat(written(out -> BackendMessages.errorResponse(out, error))).isEqualTo(expected);
    }

    @Test
    void errorResponseLeavesOutAbsentFields()
    {
        byte[] expected = body().int8('S').cstring("FATAL").int8('V').cstring("FATAL").int8('C').cstring("28P01").int8('M').cstring("no").int8(0).tagged('E');

        assertThat(written(out -> BackendMessages.errorResponse(out, ErrorFields.of(Severity.FATAL, "28P01", "no")))).isEqualTo(expected);
    }

    @Test
    void noticeResponseUsesTagN()
    {
        byte[] expected = body().int8('S').cstring("WARNING").int8('V').cstring("WARNING").int8('C').cstring("01000").int8('M').cstring("careful").int8(0).tagged('N');

        assertThat(written(out -> BackendMessages.noticeResponse(out, ErrorFields.of(Severity.WARNING, "01000", "careful")))).isEqualTo(expected);
    }

    @Test
    void errorAndNoticeRefuseTheOtherKindOfSeverity()
    {
        assertThatThrownBy(() -> written(out -> BackendMessages.errorResponse(out, ErrorFields.of(Severity.NOTICE, "00000", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> written(out -> BackendMessages.noticeResponse(out, ErrorFields.of(Severity.ERROR, "XX000", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorFieldsRefuseMalformedSqlState()
    {
        assertThatThrownBy(() -> ErrorFields.of(Severity.ERROR, "42p01", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorFields.of(Severity.ERROR, "4201", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parameterDescription()
    {
        assertThat(written(out -> BackendMessages.parameterDescription(out, new int[] {23, 25}))).isEqualTo(body().int16(2).int32(23).int32(25).tagged('t'));
    }

    @Test
    void negotiateProtocolVersion()
    {
        byte[] expected = body().int32(0).int32(1).cstring("_pq_.test").tagged('v');

        assertThat(written(out -> BackendMessages.negotiateProtocolVersion(out, 0, List.of("_pq_.test")))).isEqualTo(expected);
    }

    @Test
    void copyInResponse()
    {
        byte[] expected = body().int8(0).int16(2).int16(0).int16(0).tagged('G');

        assertThat(written(out -> BackendMessages.copyInResponse(out, FormatCodes.TEXT, new short[] {0, 0}))).isEqualTo(expected);
    }

    @Test
    void messagesAppendToWhatIsAlreadyInTheBuffer()
    {
        byte[] both = written(out -> {
            BackendMessages.commandComplete(out, "SELECT 1");
            BackendMessages.readyForQuery(out, TransactionStatus.IDLE);
        });

        assertThat(both).endsWith(hex("5a0000000549")).startsWith(body().cstring("SELECT 1").tagged('C'));
    }

    private static byte[] written(Consumer<ByteBuf> message)
    {
        ByteBuf out = Unpooled.buffer();
        message.accept(out);
        return ByteBufUtil.getBytes(out);
    }

    private static byte[] hex(String hex)
    {
        return HexFormat.of().parseHex(hex);
    }
}
