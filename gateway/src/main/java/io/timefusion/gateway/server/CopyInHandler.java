package io.timefusion.gateway.server;

import io.timefusion.gateway.copy.CopyException;
import io.timefusion.gateway.copy.CopyRows;
import io.timefusion.gateway.ingest.IngestColumn;
import io.timefusion.gateway.ingest.IngestTable;
import io.timefusion.gateway.ingest.IngestTables;
import io.timefusion.gateway.pgwire.protocol.BackendMessages;
import io.timefusion.gateway.pgwire.protocol.FormatCodes;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage;
import io.timefusion.gateway.sql.CopyStatement;

import java.sql.SQLException;
import java.util.List;

/**
 * COPY … FROM STDIN, in the simple and the extended protocol: CopyInResponse, then the client's CopyData up to
 * CopyDone (or CopyFail), then one write of all rows through the same writer as INSERTs (direct or the batch queue),
 * so a COPY commits whole or not at all. A failure is thrown at once; the client's remaining CopyData, CopyDone or
 * CopyFail then arrive outside COPY and the session drops them, as Postgres does.
 */
final class CopyInHandler
{
    private final MessageSource messages;
    private final PgOutput output;
    private final IngestTables tables;
    private final RowWriter writer;
    private final long maxBytes;

    CopyInHandler(MessageSource messages, PgOutput output, IngestTables tables, RowWriter writer, long maxBytes)
    {
        this.messages = messages;
        this.output = output;
        this.tables = tables;
        this.writer = writer;
        this.maxBytes = maxBytes;
    }

    /** Runs the COPY; returns its command tag. */
    String copyIn(String sql)
            throws SQLException, InterruptedException
    {
        CopyStatement statement = CopyStatement.parse(sql);
        if (!IngestTables.isIngestTable(statement.table())) {
            throw new CopyException("0A000", "COPY FROM STDIN is supported into %s only, not into \"%s\"".formatted(IngestTables.OTEL_LOGS_AND_SPANS, statement.table()));
        }
        IngestTable table = tables.table(statement.table());
        List<IngestColumn> columns = statement.columns().isEmpty() ? table.columns() : table.columnList(statement.columns());
        CopyRows rows = new CopyRows(table, columns, statement.format(), maxBytes);
        output.send(out -> BackendMessages.copyInResponse(out, FormatCodes.TEXT, new short[columns.size()]));
        output.flush();
        while (true) {
            switch (messages.take()) {
                case FrontendMessage.CopyData data -> rows.feed(data.data());
                case FrontendMessage.CopyDone _ -> {
                    return "COPY " + writer.insertRows(rows.finish());
                }
                case FrontendMessage.CopyFail fail -> throw new CopyException("57014", "COPY from stdin failed: " + fail.message());
                case FrontendMessage.Flush _, FrontendMessage.Sync _ -> {
                    // Postgres ignores these during COPY for the convenience of client libraries
                }
                case FrontendMessage message -> throw new PgErrorException("08P01", "unexpected message type %s during COPY from stdin".formatted(message.getClass().getSimpleName()));
            }
        }
    }
}
