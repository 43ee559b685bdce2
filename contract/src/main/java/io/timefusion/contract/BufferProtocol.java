package io.timefusion.contract;

/**
 * How a Trino worker reads a gateway's buffered rows (rows acknowledged to clients but not yet flushed to Delta): it
 * posts a JSON buffer request to {@link #ROWS_PATH} of the URL the gateway announced, with the gateway's token as
 * {@code Authorization: Bearer <token>}. A 200 answer is a stream of frames, each an int32 little-endian length and
 * then that many bytes of one batch in the {@link BatchFormat batch format}; a frame of length 0 ends the stream, so a
 * stream cut short is told from a complete one. The other answers: 401 wrong token, 409 another gateway answers at
 * that URL, 410 the rows the request needs were flushed meanwhile (the query can be retried), 400 malformed request.
 */
public final class BufferProtocol
{
    public static final String ROWS_PATH = "/v1/buffer/rows";

    private BufferProtocol() {}
}
