package io.timefusion.gateway.pgwire.protocol;

/**
 * How large each frontend message may be, checked by {@link PgFrontendDecoder} as soon as a header arrives, before
 * the body is buffered. Postgres sizes its limits per message type the same way (pq_getmessage's maxlen).
 *
 * @param maxFrame the largest value of any message's length field (which counts itself); a larger length cannot be
 *         trusted as framing and ends the connection
 * @param maxStatement the largest body of a Query or Parse: a larger one is skipped unread and answered with 54000,
 *         the session goes on
 * @param maxBind the largest body of a Bind, skipped and answered the same way
 */
public record MessageLimits(int maxFrame, int maxStatement, int maxBind)
{
    /** Postgres' PG_MAX_AUTH_TOKEN_LENGTH: every message before authentication succeeds is a password or SASL message. */
    public static final int MAX_AUTHENTICATION = 65_535;
    /** Postgres' PQ_SMALL_MESSAGE_LIMIT, for messages that carry at most a name (Describe, Execute, Close, Sync, …). */
    public static final int MAX_CONTROL = 10_000;

    public MessageLimits
    {
        if (maxFrame < 8) {
            throw new IllegalArgumentException("maxFrame must be at least 8: " + maxFrame);
        }
        maxStatement = Math.min(maxStatement, maxFrame - 4);
        maxBind = Math.min(maxBind, maxFrame - 4);
    }

    /** Every message type limited by the frame size alone. */
    public static MessageLimits ofFrame(int maxFrame)
    {
        return new MessageLimits(maxFrame, maxFrame, maxFrame);
    }

    /** The largest body (what follows the Int32 length) a message with this tag may have once the client is authenticated. */
    int maxBody(byte tag)
    {
        return switch (tag) {
            case 'Q', 'P' -> maxStatement;
            case 'B' -> maxBind;
            // COPY's rows are bounded as a whole by COPY_MAX_SIZE; a CopyFail message is free text
            case 'd', 'f' -> maxFrame - 4;
            default -> Math.min(maxFrame - 4, MAX_CONTROL);
        };
    }

    /** The largest body of any message before authentication succeeds. */
    int maxAuthenticationBody()
    {
        return Math.min(maxFrame - 4, MAX_AUTHENTICATION);
    }

    /** Whether an over-long message of this type can be skipped and answered with an error instead of closing. */
    static boolean skippable(byte tag)
    {
        return tag == 'Q' || tag == 'P' || tag == 'B';
    }
}
