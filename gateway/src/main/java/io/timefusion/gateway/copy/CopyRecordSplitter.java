package io.timefusion.gateway.copy;

import java.util.Arrays;

/**
 * Cuts the byte stream of a COPY, which arrives in CopyData messages of any size, into records (lines). A record
 * ends at a newline, except after a backslash in text format and inside quotes in CSV, where the newline is data.
 * Bytes are scanned, not characters: the delimiters, quotes and newlines are ASCII, and no byte of a multi-byte
 * UTF-8 character is ASCII. A record's terminating {@code \n} and a {@code \r} before it are not part of it.
 */
final class CopyRecordSplitter
{
    interface RecordHandler
    {
        /** @param line the 1-based line of the input the record starts on */
        void record(byte[] buffer, int start, int end, long line);
    }

    private final boolean csv;
    private final byte quote;
    private final byte escape;

    private byte[] pending = new byte[64 * 1024];
    private int length;
    private int scanned;
    private boolean inQuotes;
    private boolean escaping;
    private long nextLine = 1;
    private long linesInRecord;

    CopyRecordSplitter(CopyFormat format)
    {
        this.csv = format.kind() == CopyFormat.Kind.CSV;
        this.quote = format.quote();
        this.escape = format.escape();
    }

    void feed(byte[] data, RecordHandler handler)
    {
        append(data);
        int recordStart = 0;
        for (int i = scanned; i < length; i++) {
            byte b = pending[i];
            if (escaping) {
                escaping = false;
                if (b == '\n') {
                    linesInRecord++;
                }
                continue;
            }
            if (csv) {
                if (inQuotes && b == escape && escape != quote) {
                    escaping = true;
                }
                else if (b == quote) {
                    inQuotes = !inQuotes;
                }
            }
            else if (b == '\\') {
                escaping = true;
            }
            if (b == '\n') {
                linesInRecord++;
                if (!inQuotes) {
                    handler.record(pending, recordStart, withoutCarriageReturn(recordStart, i), nextLine);
                    nextLine += linesInRecord;
                    linesInRecord = 0;
                    recordStart = i + 1;
                }
            }
        }
        System.arraycopy(pending, recordStart, pending, 0, length - recordStart);
        length -= recordStart;
        scanned = length;
    }

    /** The input ended: a last record without a newline is still a record. */
    void finish(RecordHandler handler)
    {
        if (inQuotes) {
            throw new CopyException("22P04", "unterminated CSV quoted field");
        }
        if (length > 0) {
            handler.record(pending, 0, withoutCarriageReturn(0, length), nextLine);
            length = 0;
            scanned = 0;
        }
    }

    /** The line the record being read starts on. */
    long nextLine()
    {
        return nextLine;
    }

    /** Bytes held for a record not yet complete: the most a single record may make the gateway hold. */
    int pendingBytes()
    {
        return length;
    }

    private int withoutCarriageReturn(int start, int end)
    {
        return end > start && pending[end - 1] == '\r' ? end - 1 : end;
    }

    private void append(byte[] data)
    {
        if (length + data.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + data.length));
        }
        System.arraycopy(data, 0, pending, length, data.length);
        length += data.length;
    }
}
