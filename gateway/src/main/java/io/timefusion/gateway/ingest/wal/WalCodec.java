package io.timefusion.gateway.ingest.wal;

import io.airlift.slice.DynamicSliceOutput;
import io.airlift.slice.Slice;
import io.airlift.slice.SliceInput;
import io.airlift.slice.SliceOutput;
import io.airlift.slice.Slices;
import io.timefusion.gateway.ingest.RowBatch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The bytes of a {@link WalRecord}: Int32 payload length, Int32 CRC-32C of the payload, then the payload, all
 * little-endian. A record
 * cut short by a crash, or whose checksum does not match, ends the readable log: it was never fsynced in full, so
 * no client was told its rows were stored.
 *
 * <p>A format of our own rather than a serialization library: the values are the few types of a RowBatch, and the
 * framing (length and checksum per record, so a torn tail is recognized) is what matters here.
 */
final class WalCodec
{
    static final int HEADER_BYTES = 8;
    // a statement record: header, type byte, then its sequence, which the log writer fills in (see seal)
    private static final int SEQUENCE_OFFSET = HEADER_BYTES + 1;
    private static final int MAX_INITIAL_BYTES = 16 * 1024 * 1024;

    private static final byte STATEMENT = 1;
    private static final byte FLUSH_STARTED = 3;
    private static final byte FLUSHED = 4;

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INTEGER = 2;
    private static final byte LONG = 3;
    private static final byte BOOLEAN = 4;
    private static final byte INSTANT = 5;
    private static final byte DATE = 6;
    private static final byte STRING_LIST = 7;

    private WalCodec() {}

    /**
     * The record of a statement's rows without its sequence and checksum, which {@link #seal} adds: the rows are
     * encoded by the session that parsed them, on its own thread, and only the log writer hands out sequences.
     */
    static byte[] encodeStatement(RowBatch rows)
    {
        // a first guess at the size (most values are short or NULL): the output grows as needed
        int guess = (int) Math.min(MAX_INITIAL_BYTES, 256 + 4L * rows.rowCount() * rows.columns().size());
        return encode(guess, out -> {
            out.writeByte(STATEMENT);
            out.writeLong(0);
            writeString(out, rows.table());
            out.writeInt(rows.columns().size());
            for (String column : rows.columns()) {
                writeString(out, column);
            }
            out.writeInt(rows.rowCount());
            for (Object[] row : rows.rows()) {
                for (Object value : row) {
                    writeValue(out, value);
                }
            }
        });
    }

    /** Sets the sequence of a record from {@link #encodeStatement} and frames it (length, CRC-32C). */
    static void seal(byte[] statement, long sequence)
    {
        Slices.wrappedBuffer(statement).setLong(SEQUENCE_OFFSET, sequence);
        frame(statement);
    }

    static byte[] encode(WalRecord record)
    {
        byte[] encoded = switch (record) {
            case WalRecord.Statement(long sequence, RowBatch rows) -> {
                byte[] statement = encodeStatement(rows);
                Slices.wrappedBuffer(statement).setLong(SEQUENCE_OFFSET, sequence);
                yield statement;
            }
            case WalRecord.FlushStarted(String table, long after, long through) -> encode(256, out -> {
                out.writeByte(FLUSH_STARTED);
                writeString(out, table);
                out.writeLong(after);
                out.writeLong(through);
            });
            case WalRecord.Flushed(String table, long through) -> encode(256, out -> {
                out.writeByte(FLUSHED);
                writeString(out, table);
                out.writeLong(through);
            });
        };
        frame(encoded);
        return encoded;
    }

    private interface Body
    {
        void write(SliceOutput out);
    }

    /** The header's room, then the body; the header is filled in by {@link #frame}. */
    private static byte[] encode(int initialBytes, Body body)
    {
        // Slice's output, not DataOutputStream on a ByteArrayOutputStream: that one takes a lock for every value
        SliceOutput out = new DynamicSliceOutput(initialBytes);
        out.writeInt(0);
        out.writeInt(0);
        body.write(out);
        return out.slice().getBytes();
    }

    private static void frame(byte[] record)
    {
        CRC32C crc = new CRC32C();
        crc.update(record, HEADER_BYTES, record.length - HEADER_BYTES);
        Slice header = Slices.wrappedBuffer(record);
        header.setInt(0, record.length - HEADER_BYTES);
        header.setInt(4, (int) crc.getValue());
    }

    /**
     * The records of a log file in order, up to the first one that is incomplete or damaged.
     */
    static List<WalRecord> decodeAll(byte[] file)
    {
        List<WalRecord> records = new ArrayList<>();
        Slice log = Slices.wrappedBuffer(file);
        int position = 0;
        while (file.length - position >= HEADER_BYTES) {
            int length = log.getInt(position);
            int checksum = log.getInt(position + 4);
            position += HEADER_BYTES;
            if (length <= 0 || length > file.length - position) {
                break;
            }
            CRC32C crc = new CRC32C();
            crc.update(file, position, length);
            if ((int) crc.getValue() != checksum) {
                break;
            }
            records.add(decode(log.slice(position, length).getInput()));
            position += length;
        }
        return records;
    }

    private static WalRecord decode(SliceInput in)
    {
        try {
            return switch (in.readByte()) {
                case STATEMENT -> {
                    long sequence = in.readLong();
                    String table = readString(in);
                    List<String> columns = new ArrayList<>();
                    for (int i = in.readInt(); i > 0; i--) {
                        columns.add(readString(in));
                    }
                    int rowCount = in.readInt();
                    List<Object[]> rows = new ArrayList<>(rowCount);
                    for (int r = 0; r < rowCount; r++) {
                        Object[] row = new Object[columns.size()];
                        for (int c = 0; c < row.length; c++) {
                            row[c] = readValue(in);
                        }
                        rows.add(row);
                    }
                    yield new WalRecord.Statement(sequence, new RowBatch(table, columns, rows));
                }
                case FLUSH_STARTED -> new WalRecord.FlushStarted(readString(in), in.readLong(), in.readLong());
                case FLUSHED -> new WalRecord.Flushed(readString(in), in.readLong());
                default -> throw new IllegalStateException("unknown write-ahead log record type");
            };
        }
        catch (IndexOutOfBoundsException e) {
            // the checksum matched, so the writer wrote this: a reader that cannot parse it is a bug, not a torn tail
            throw new IllegalStateException("unreadable write-ahead log record", e);
        }
    }

    private static void writeValue(SliceOutput out, Object value)
    {
        switch (value) {
            case null -> out.writeByte(NULL);
            case String text -> {
                out.writeByte(STRING);
                writeString(out, text);
            }
            case Integer number -> {
                out.writeByte(INTEGER);
                out.writeInt(number);
            }
            case Long number -> {
                out.writeByte(LONG);
                out.writeLong(number);
            }
            case Boolean bool -> {
                out.writeByte(BOOLEAN);
                out.writeBoolean(bool);
            }
            case Instant instant -> {
                out.writeByte(INSTANT);
                out.writeLong(instant.getEpochSecond());
                out.writeInt(instant.getNano());
            }
            case LocalDate date -> {
                out.writeByte(DATE);
                out.writeLong(date.toEpochDay());
            }
            case List<?> list -> {
                out.writeByte(STRING_LIST);
                out.writeInt(list.size());
                for (Object element : list) {
                    writeValue(out, element);
                }
            }
            default -> throw new IllegalArgumentException("not a batch value: " + value.getClass().getName());
        }
    }

    private static Object readValue(SliceInput in)
    {
        return switch (in.readByte()) {
            case NULL -> null;
            case STRING -> readString(in);
            case INTEGER -> in.readInt();
            case LONG -> in.readLong();
            case BOOLEAN -> in.readBoolean();
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case STRING_LIST -> {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readValue(in));
                }
                yield Collections.unmodifiableList(list);
            }
            default -> throw new IllegalStateException("unreadable write-ahead log record: unknown value type");
        };
    }

    private static void writeString(SliceOutput out, String text)
    {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.writeBytes(utf8);
    }

    private static String readString(SliceInput in)
    {
        return in.readSlice(in.readInt()).toString(StandardCharsets.UTF_8);
    }
}
