package io.timefusion.gateway.pgwire.protocol;

import io.netty.buffer.ByteBuf;

import java.util.List;

import static io.timefusion.gateway.pgwire.protocol.MessageFrame.begin;
import static io.timefusion.gateway.pgwire.protocol.MessageFrame.end;
import static io.timefusion.gateway.pgwire.protocol.MessageFrame.writeCString;

/**
 * Writes backend messages. Each method appends one complete message to {@code out}, so several can share a buffer
 * and reach the socket in one write. Strings are written as UTF-8, the only client_encoding the server offers.
 */
public final class BackendMessages
{
    private static final int AUTHENTICATION_OK = 0;
    private static final int AUTHENTICATION_CLEARTEXT_PASSWORD = 3;
    private static final int AUTHENTICATION_MD5_PASSWORD = 5;
    private static final int AUTHENTICATION_SASL = 10;
    private static final int AUTHENTICATION_SASL_CONTINUE = 11;
    private static final int AUTHENTICATION_SASL_FINAL = 12;

    private BackendMessages() {}

    /** The single unframed byte answering SSLRequest: 'S' to start the TLS handshake, 'N' to continue in plain text. */
    public static void sslResponse(ByteBuf out, boolean willUseTls)
    {
        out.writeByte(willUseTls ? 'S' : 'N');
    }

    /** The single unframed byte answering GSSENCRequest: 'G' to start GSSAPI encryption, 'N' to continue without. */
    public static void gssEncResponse(ByteBuf out, boolean willUseGssEncryption)
    {
        out.writeByte(willUseGssEncryption ? 'G' : 'N');
    }

    public static void authenticationOk(ByteBuf out)
    {
        authentication(out, AUTHENTICATION_OK);
    }

    public static void authenticationCleartextPassword(ByteBuf out)
    {
        authentication(out, AUTHENTICATION_CLEARTEXT_PASSWORD);
    }

    public static void authenticationMd5Password(ByteBuf out, byte[] salt)
    {
        if (salt.length != 4) {
            throw new IllegalArgumentException("MD5 salt must be 4 bytes: " + salt.length);
        }
        int lengthIndex = begin(out, 'R');
        out.writeInt(AUTHENTICATION_MD5_PASSWORD);
        out.writeBytes(salt);
        end(out, lengthIndex);
    }

    /** @param mechanisms in the server's order of preference, e.g. {@code SCRAM-SHA-256} */
    public static void authenticationSasl(ByteBuf out, List<String> mechanisms)
    {
        int lengthIndex = begin(out, 'R');
        out.writeInt(AUTHENTICATION_SASL);
        for (String mechanism : mechanisms) {
            writeCString(out, mechanism);
        }
        out.writeByte(0);
        end(out, lengthIndex);
    }

    /** Carries the SCRAM server-first-message. */
    public static void authenticationSaslContinue(ByteBuf out, byte[] data)
    {
        authenticationWithData(out, AUTHENTICATION_SASL_CONTINUE, data);
    }

    /** Carries the SCRAM server-final-message; AuthenticationOk follows. */
    public static void authenticationSaslFinal(ByteBuf out, byte[] data)
    {
        authenticationWithData(out, AUTHENTICATION_SASL_FINAL, data);
    }

    public static void parameterStatus(ByteBuf out, String name, String value)
    {
        int lengthIndex = begin(out, 'S');
        writeCString(out, name);
        writeCString(out, value);
        end(out, lengthIndex);
    }

    /** The key a client must present in a CancelRequest to cancel this session's query. */
    public static void backendKeyData(ByteBuf out, int processId, int secretKey)
    {
        int lengthIndex = begin(out, 'K');
        out.writeInt(processId);
        out.writeInt(secretKey);
        end(out, lengthIndex);
    }

    public static void readyForQuery(ByteBuf out, TransactionStatus status)
    {
        int lengthIndex = begin(out, 'Z');
        out.writeByte(status.indicator());
        end(out, lengthIndex);
    }

    public static void rowDescription(ByteBuf out, List<FieldDescription> fields)
    {
        int lengthIndex = begin(out, 'T');
        out.writeShort(checkCount(fields.size(), "fields"));
        for (FieldDescription field : fields) {
            writeCString(out, field.name());
            out.writeInt(field.tableOid());
            out.writeShort(field.columnAttributeNumber());
            out.writeInt(field.typeOid());
            out.writeShort(field.typeSize());
            out.writeInt(field.typeModifier());
            out.writeShort(field.formatCode());
        }
        end(out, lengthIndex);
    }

    /**
     * @param values encoded column values; a null element is SQL NULL
     * @see DataRowWriter for writing a row column by column without building a list
     */
    public static void dataRow(ByteBuf out, List<byte[]> values)
    {
        DataRowWriter row = DataRowWriter.begin(out, values.size());
        for (byte[] value : values) {
            row.value(value);
        }
        row.end();
    }

    /** @param tag e.g. {@code SELECT 3}, {@code INSERT 0 1} */
    public static void commandComplete(ByteBuf out, String tag)
    {
        int lengthIndex = begin(out, 'C');
        writeCString(out, tag);
        end(out, lengthIndex);
    }

    /** Answers a query string that holds no statement. */
    public static void emptyQueryResponse(ByteBuf out)
    {
        empty(out, 'I');
    }

    public static void errorResponse(ByteBuf out, ErrorFields fields)
    {
        if (!fields.severity().isError()) {
            throw new IllegalArgumentException("ErrorResponse needs an error severity: " + fields.severity());
        }
        fields(out, 'E', fields);
    }

    public static void noticeResponse(ByteBuf out, ErrorFields fields)
    {
        if (fields.severity().isError()) {
            throw new IllegalArgumentException("NoticeResponse needs a notice severity: " + fields.severity());
        }
        fields(out, 'N', fields);
    }

    public static void parseComplete(ByteBuf out)
    {
        empty(out, '1');
    }

    public static void bindComplete(ByteBuf out)
    {
        empty(out, '2');
    }

    public static void closeComplete(ByteBuf out)
    {
        empty(out, '3');
    }

    /** Answers Describe of a statement or portal that returns no rows. */
    public static void noData(ByteBuf out)
    {
        empty(out, 'n');
    }

    public static void parameterDescription(ByteBuf out, int[] typeOids)
    {
        int lengthIndex = begin(out, 't');
        out.writeShort(checkCount(typeOids.length, "parameters"));
        for (int typeOid : typeOids) {
            out.writeInt(typeOid);
        }
        end(out, lengthIndex);
    }

    /** Ends an Execute that stopped at its row limit with rows left in the portal. */
    public static void portalSuspended(ByteBuf out)
    {
        empty(out, 's');
    }

    /**
     * Answers a StartupMessage asking for a newer minor version or carrying {@code _pq_.} options; the session
     * continues with the minor version given here.
     */
    public static void negotiateProtocolVersion(ByteBuf out, int newestMinorSupported, List<String> unrecognizedOptions)
    {
        int lengthIndex = begin(out, 'v');
        out.writeInt(newestMinorSupported);
        out.writeInt(unrecognizedOptions.size());
        for (String option : unrecognizedOptions) {
            writeCString(out, option);
        }
        end(out, lengthIndex);
    }

    /**
     * Starts COPY FROM STDIN.
     *
     * @param format {@link FormatCodes#TEXT} for text or CSV, {@link FormatCodes#BINARY} for binary copy; with text,
     * every column format must be text
     */
    public static void copyInResponse(ByteBuf out, short format, short[] columnFormats)
    {
        if (format != FormatCodes.TEXT && format != FormatCodes.BINARY) {
            throw new IllegalArgumentException("unknown copy format: " + format);
        }
        int lengthIndex = begin(out, 'G');
        out.writeByte(format);
        out.writeShort(checkCount(columnFormats.length, "columns"));
        for (short columnFormat : columnFormats) {
            out.writeShort(columnFormat);
        }
        end(out, lengthIndex);
    }

    private static void authentication(ByteBuf out, int code)
    {
        int lengthIndex = begin(out, 'R');
        out.writeInt(code);
        end(out, lengthIndex);
    }

    private static void authenticationWithData(ByteBuf out, int code, byte[] data)
    {
        int lengthIndex = begin(out, 'R');
        out.writeInt(code);
        out.writeBytes(data);
        end(out, lengthIndex);
    }

    private static void fields(ByteBuf out, char tag, ErrorFields fields)
    {
        int lengthIndex = begin(out, tag);
        field(out, 'S', fields.severity().name());
        field(out, 'V', fields.severity().name());
        field(out, 'C', fields.sqlState());
        field(out, 'M', fields.message());
        if (fields.detail() != null) {
            field(out, 'D', fields.detail());
        }
        if (fields.hint() != null) {
            field(out, 'H', fields.hint());
        }
        if (fields.position() > 0) {
            field(out, 'P', Integer.toString(fields.position()));
        }
        if (fields.where() != null) {
            field(out, 'W', fields.where());
        }
        out.writeByte(0);
        end(out, lengthIndex);
    }

    private static void field(ByteBuf out, char code, String value)
    {
        out.writeByte(code);
        writeCString(out, value);
    }

    private static void empty(ByteBuf out, char tag)
    {
        end(out, begin(out, tag));
    }

    /** Counts are Int16 on the wire; Postgres reads them unsigned. */
    static int checkCount(int count, String what)
    {
        if (count > 0xFFFF) {
            throw new IllegalArgumentException("too many %s for one message: %d".formatted(what, count));
        }
        return count;
    }
}
