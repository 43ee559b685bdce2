package io.timefusion.contract;

/**
 * The batch wire format, version 1: the rows of one INSERT or COPY as the gateway sends them to the connector's
 * {@code ingest_batch} table function, and the frames of buffered rows a gateway answers a buffer fetch with
 * ({@link BufferProtocol}). Column-major, so that each column decodes in one tight loop into its block builder. All
 * integers are little-endian.
 * <pre>
 * header   "TFB" (3 bytes), version (1 byte) = 1, row count (int32), column count (int16)
 * columns  per column: name length (int16), name (UTF-8), type code (1 byte, {@link BatchColumnType#code()})
 * values   per column, per row, by type code:
 *   1 varchar, 2 json      length (int32, -1 = NULL), UTF-8 bytes
 *   3 integer              presence (1 byte: 0 = NULL, 1 = value), int32
 *   4 bigint               presence, int64
 *   5 boolean              1 byte: 0 = NULL, 1 = false, 2 = true
 *   6 timestamptz          presence, int64 microseconds since 1970-01-01T00:00Z
 *   7 date                 presence, int32 days since 1970-01-01
 *   8 array(varchar)       element count (int32, -1 = NULL), per element: length (int32, -1 = NULL), UTF-8 bytes
 * </pre>
 * Columns of the table that the batch leaves out are NULL (the connector stores NULL {@code hashes} and
 * {@code summary} as empty arrays); {@code date} is always derived from {@code timestamp}. JSON values are stored
 * without insignificant whitespace, as Trino's json_parse does. A format of our own rather than Arrow IPC or Avro: those
 * would add a large dependency to both the gateway and the plugin for what is, here, a length-prefixed copy of
 * seven scalar types, and decoding this one is a loop of Slice reads straight into BlockBuilders.
 */
public final class BatchFormat
{
    public static final int VERSION = 1;
    /** Magic, version, row count and column count. */
    public static final int HEADER_BYTES = 3 + 1 + Integer.BYTES + Short.BYTES;

    private static final byte[] MAGIC = {'T', 'F', 'B'};

    private BatchFormat() {}

    /** The bytes every batch starts with (a copy: arrays cannot be constants). */
    public static byte[] magic()
    {
        return MAGIC.clone();
    }
}
