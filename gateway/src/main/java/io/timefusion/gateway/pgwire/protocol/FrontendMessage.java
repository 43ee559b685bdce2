package io.timefusion.gateway.pgwire.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A message from the client, as {@link PgFrontendDecoder} produces it. Byte arrays are handed over, not copied:
 * the records are immutable by convention, so nobody may write into them.
 */
public sealed interface FrontendMessage
{
    /** Asks whether the server will speak TLS; answered with one byte before anything else. */
    record SslRequest()
            implements FrontendMessage {}

    /** Asks whether the server will speak GSSAPI encryption; answered with one byte before anything else. */
    record GssEncRequest()
            implements FrontendMessage {}

    /** Sent on a fresh connection to cancel the query running on the connection identified by the key. */
    record CancelRequest(int processId, int secretKey)
            implements FrontendMessage {}

    /**
     * Opens the session. The decoder accepts any minor version of protocol 3; a server that speaks an older minor
     * answers with NegotiateProtocolVersion, as it does for parameters named {@code _pq_.*}.
     *
     * @param parameters in the order the client sent them
     */
    record StartupMessage(int majorVersion, int minorVersion, Map<String, String> parameters)
            implements FrontendMessage
    {
        public StartupMessage
        {
            parameters = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(parameters));
        }
    }

    /**
     * Tag 'p'. Its body is a cleartext or md5 password, a SASLInitialResponse or a SASLResponse depending on which
     * authentication request the server sent last, so the decoder cannot tell and hands over the raw body.
     */
    record PasswordMessage(byte[] payload)
            implements FrontendMessage
    {
        public PasswordMessage
        {
            requireNonNull(payload, "payload is null");
        }

        /** The body read as a password or md5 hash: a NUL-terminated UTF-8 string filling the whole body. */
        public String asCString()
        {
            if (payload.length == 0 || payload[payload.length - 1] != 0) {
                throw new ProtocolViolationException("invalid string in password message");
            }
            for (int i = 0; i < payload.length - 1; i++) {
                if (payload[i] == 0) {
                    throw new ProtocolViolationException("invalid password message format");
                }
            }
            return new String(payload, 0, payload.length - 1, StandardCharsets.UTF_8);
        }
    }

    /** Simple query: one string holding zero or more statements. */
    record Query(String sql)
            implements FrontendMessage {}

    /** @param parameterTypeOids the client's declared parameter types; 0 leaves one for the server to infer */
    record Parse(String statementName, String sql, int[] parameterTypeOids)
            implements FrontendMessage {}

    /**
     * @param parameterFormats none (all text), one (for all) or one per parameter, see {@link #parameterFormat}
     * @param parameterValues a null element is SQL NULL
     * @param resultFormats none (all text), one (for all) or one per column, see {@link #resultFormatsFor}
     */
    record Bind(String portalName, String statementName, short[] parameterFormats, List<byte[]> parameterValues, short[] resultFormats)
            implements FrontendMessage
    {
        public Bind
        {
            parameterValues = Collections.unmodifiableList(parameterValues);
        }

        /**
         * The format of one parameter value.
         *
         * @throws ProtocolViolationException if the format count is neither 0, 1 nor the parameter count; Postgres
         * answers that with a non-fatal error, the session survives it
         */
        public short parameterFormat(int index)
        {
            return switch (parameterFormats.length) {
                case 0 -> FormatCodes.TEXT;
                case 1 -> parameterFormats[0];
                default -> {
                    if (parameterFormats.length != parameterValues.size()) {
                        throw new ProtocolViolationException("bind message has %d parameter formats but %d parameters"
                                .formatted(parameterFormats.length, parameterValues.size()));
                    }
                    yield parameterFormats[index];
                }
            };
        }

        /**
         * One format per result column, expanded from the zero, one or N codes the client sent.
         *
         * @throws ProtocolViolationException if the format count is neither 0, 1 nor {@code columnCount}; Postgres
         * answers that with a non-fatal error, the session survives it
         */
        public short[] resultFormatsFor(int columnCount)
        {
            short[] formats = new short[columnCount];
            switch (resultFormats.length) {
                case 0 -> {}
                case 1 -> Arrays.fill(formats, resultFormats[0]);
                default -> {
                    if (resultFormats.length != columnCount) {
                        throw new ProtocolViolationException("bind message has %d result formats but query has %d columns"
                                .formatted(resultFormats.length, columnCount));
                    }
                    System.arraycopy(resultFormats, 0, formats, 0, columnCount);
                }
            }
            return formats;
        }
    }

    /** What Describe and Close name: a prepared statement ('S') or a portal ('P'). */
    enum Target
    {
        STATEMENT, PORTAL
    }

    record Describe(Target target, String name)
            implements FrontendMessage {}

    /** @param maxRows 0 means all rows */
    record Execute(String portalName, int maxRows)
            implements FrontendMessage {}

    record Close(Target target, String name)
            implements FrontendMessage {}

    record Sync()
            implements FrontendMessage {}

    record Flush()
            implements FrontendMessage {}

    record Terminate()
            implements FrontendMessage {}

    record CopyData(byte[] data)
            implements FrontendMessage {}

    record CopyDone()
            implements FrontendMessage {}

    record CopyFail(String message)
            implements FrontendMessage {}

    /** FunctionCall ('F'), the fast-path interface Postgres keeps for compatibility; its body is not read. */
    record FunctionCall()
            implements FrontendMessage {}

    /**
     * Stands for a Query, Parse or Bind whose body was larger than its {@link MessageLimits}: the decoder skipped the
     * body without buffering it, and the session answers with an error (54000) instead of running it.
     *
     * @param tag 'Q', 'P' or 'B'
     */
    record Oversized(byte tag, int bodyLength, int limit)
            implements FrontendMessage
    {
        public String messageName()
        {
            return switch (tag) {
                case 'Q' -> "Query";
                case 'P' -> "Parse";
                default -> "Bind";
            };
        }
    }
}
