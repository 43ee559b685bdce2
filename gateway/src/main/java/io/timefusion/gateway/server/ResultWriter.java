package io.timefusion.gateway.server;

import io.timefusion.gateway.pgwire.protocol.BackendMessages;
import io.timefusion.gateway.pgwire.protocol.FieldDescription;
import io.timefusion.gateway.pgwire.protocol.FormatCodes;
import io.timefusion.gateway.pgwire.types.PgType;
import io.timefusion.gateway.trino.TrinoColumn;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Describes and streams result rows in the formats (text or binary, per column) the client asked for. */
final class ResultWriter
{
    private static final int FLUSH_EVERY_ROWS = 1000;

    private final PgOutput output;

    ResultWriter(PgOutput output)
    {
        this.output = output;
    }

    void describe(List<TrinoColumn> columns, short[] resultFormats)
    {
        List<FieldDescription> fields = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            PgType<?> type = PgTypeMapping.forTrino(columns.get(i).type());
            fields.add(new FieldDescription(columns.get(i).name(), 0, (short) 0, type.oid(), type.typeLength(), -1, format(resultFormats, i)));
        }
        output.send(out -> BackendMessages.rowDescription(out, fields));
    }

    /**
     * Sends up to {@code maxRows} rows (all when 0 or less).
     *
     * @return true when the result has more rows after those sent (the portal is suspended)
     */
    boolean stream(RowCursor cursor, short[] resultFormats, long maxRows)
            throws SQLException, InterruptedException
    {
        List<TrinoColumn> columns = cursor.columns();
        PgType<?>[] types = columns.stream().map(column -> PgTypeMapping.forTrino(column.type())).toArray(PgType<?>[]::new);
        short[] formats = new short[columns.size()];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = format(resultFormats, i);
        }
        long sentNow = 0;
        Object[] row;
        while ((maxRows <= 0 || sentNow < maxRows) && (row = cursor.next()) != null) {
            List<byte[]> values = new ArrayList<>(row.length);
            for (int i = 0; i < row.length; i++) {
                values.add(row[i] == null ? null : encode(types[i], formats[i], row[i]));
            }
            output.send(out -> BackendMessages.dataRow(out, values));
            cursor.countSent();
            sentNow++;
            if (sentNow % FLUSH_EVERY_ROWS == 0) {
                output.flush();
            }
            output.awaitWritable();
        }
        return maxRows > 0 && sentNow >= maxRows && cursor.hasMore();
    }

    private static byte[] encode(PgType<?> type, short format, Object value)
    {
        return format == FormatCodes.BINARY ? type.encodeBinary(value) : type.encodeText(value);
    }

    /** Bind's result formats: none means all text, one applies to every column, otherwise one per column. */
    static short format(short[] formats, int column)
    {
        if (formats == null || formats.length == 0) {
            return FormatCodes.TEXT;
        }
        return formats.length == 1 ? formats[0] : formats[column];
    }
}
