package io.timefusion.trino.ingest;

import io.timefusion.contract.BatchColumnType;
import io.timefusion.contract.BatchFormat;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.metadata.TableColumn;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Writes batches in the format {@link BatchFormat} documents, for tests that play the gateway: the plugin cannot depend on
 * the gateway module, whose BatchEncoder is the real one. Written from the format's description, not from
 * {@link BatchDecoder}, so that a decoder bug is not mirrored here. Rows are maps from column name to value
 * (String, Integer, Long, Boolean, Instant, LocalDate, List of String); a column a row lacks is NULL.
 */
public final class TestingBatchEncoder
{
    private final OtelLogsAndSpansTable table;

    public TestingBatchEncoder(OtelLogsAndSpansTable table)
    {
        this.table = table;
    }

    public String encodeBase64(List<String> columns, List<Map<String, Object>> rows)
    {
        return Base64.getEncoder().encodeToString(encode(columns, rows));
    }

    public byte[] encode(List<String> columns, List<Map<String, Object>> rows)
    {
        Output out = new Output();
        out.writeBytes(BatchFormat.magic());
        out.write(BatchFormat.VERSION);
        out.putInt(rows.size());
        out.putShort(columns.size());
        for (String name : columns) {
            byte[] bytes = name.getBytes(UTF_8);
            out.putShort(bytes.length);
            out.write(bytes, 0, bytes.length);
            out.write(BatchColumnTypes.of(table.column(name)).code());
        }
        for (String name : columns) {
            TableColumn column = table.column(name);
            for (Map<String, Object> row : rows) {
                writeValue(out, BatchColumnTypes.of(column), row.get(name));
            }
        }
        return out.toByteArray();
    }

    private static void writeValue(Output out, BatchColumnType type, Object value)
    {
        switch (type) {
            case VARCHAR, JSON -> out.string((String) value);
            case INTEGER -> {
                if (present(out, value)) {
                    out.putInt((Integer) value);
                }
            }
            case BIGINT -> {
                if (present(out, value)) {
                    out.putLong((Long) value);
                }
            }
            case BOOLEAN -> out.write(value == null ? 0 : (Boolean) value ? 2 : 1);
            case TIMESTAMPTZ -> {
                if (present(out, value)) {
                    Instant instant = (Instant) value;
                    out.putLong(instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000);
                }
            }
            case DATE -> {
                if (present(out, value)) {
                    out.putInt((int) ((LocalDate) value).toEpochDay());
                }
            }
            case VARCHAR_ARRAY -> {
                if (value == null) {
                    out.putInt(-1);
                }
                else {
                    List<?> elements = (List<?>) value;
                    out.putInt(elements.size());
                    elements.forEach(element -> out.string((String) element));
                }
            }
        }
    }

    private static boolean present(Output out, Object value)
    {
        out.write(value == null ? 0 : 1);
        return value != null;
    }

    private static final class Output
            extends ByteArrayOutputStream
    {
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        void putShort(int value)
        {
            write(scratch.clear().putShort((short) value).array(), 0, 2);
        }

        void putInt(int value)
        {
            write(scratch.clear().putInt(value).array(), 0, 4);
        }

        void putLong(long value)
        {
            write(scratch.clear().putLong(value).array(), 0, 8);
        }

        void string(String value)
        {
            if (value == null) {
                putInt(-1);
                return;
            }
            byte[] bytes = value.getBytes(UTF_8);
            putInt(bytes.length);
            write(bytes, 0, bytes.length);
        }
    }
}
