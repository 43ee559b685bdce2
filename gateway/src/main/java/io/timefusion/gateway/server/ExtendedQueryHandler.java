package io.timefusion.gateway.server;

import io.timefusion.gateway.pgwire.protocol.BackendMessages;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Bind;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Close;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Describe;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Execute;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Parse;
import io.timefusion.gateway.sql.TranslatedStatement;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The extended query protocol: Parse, Bind, Describe, Execute (with row limits and portal suspension), Close,
 * Sync and Flush. After an error every message up to the next Sync is skipped, as the protocol prescribes.
 */
final class ExtendedQueryHandler
{
    private final SessionState state;
    private final StatementExecutor executor;
    private final PgOutput output;
    private final ResultWriter results;
    private final ErrorReporter errors;

    private final Map<String, PreparedStatementEntry> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    private boolean skippingUntilSync;

    ExtendedQueryHandler(SessionState state, StatementExecutor executor, PgOutput output, ErrorReporter errors)
    {
        this.state = state;
        this.executor = executor;
        this.output = output;
        this.results = new ResultWriter(output);
        this.errors = errors;
    }

    void handle(FrontendMessage message)
            throws InterruptedException
    {
        if (message instanceof FrontendMessage.Sync) {
            sync();
            return;
        }
        if (skippingUntilSync) {
            return;
        }
        try {
            switch (message) {
                case Parse parse -> parse(parse);
                case Bind bind -> bind(bind);
                case Describe describe -> describe(describe);
                case Execute execute -> execute(execute);
                case Close close -> close(close);
                case FrontendMessage.Flush _ -> output.flush();
                case FrontendMessage.Oversized oversized -> throw new PgErrorException(StatementFailure.tooLarge(oversized));
                default -> throw new PgErrorException("08P01", "unexpected message in the extended query protocol: " + message.getClass().getSimpleName());
            }
        }
        catch (InterruptedException e) {
            throw e;
        }
        catch (Exception e) {
            errors.report(e);
            state.failTransactionIfOpen();
            skippingUntilSync = true;
        }
    }

    private void parse(Parse parse)
            throws InterruptedException
    {
        if (!parse.statementName().isEmpty() && statements.containsKey(parse.statementName())) {
            throw new PgErrorException("42P05", "prepared statement \"%s\" already exists".formatted(parse.statementName()));
        }
        TranslatedStatement statement = executor.translate(parse.sql());
        int parameterCount = Math.max(statement.parameterCount(), parse.parameterTypeOids().length);
        statements.put(parse.statementName(), new PreparedStatementEntry(statement, parse.parameterTypeOids(), parameterCount));
        output.send(BackendMessages::parseComplete);
    }

    private void bind(Bind bind)
            throws SQLException
    {
        PreparedStatementEntry statement = statement(bind.statementName());
        if (!bind.portalName().isEmpty() && portals.containsKey(bind.portalName())) {
            throw new PgErrorException("42P03", "portal \"%s\" already exists".formatted(bind.portalName()));
        }
        if (bind.parameterValues().size() != statement.parameterCount()) {
            throw new PgErrorException("08P01", "bind message supplies %d parameters, but prepared statement \"%s\" requires %d"
                    .formatted(bind.parameterValues().size(), bind.statementName(), statement.parameterCount()));
        }
        Portal previous = portals.put(bind.portalName(), new Portal(executor.bind(statement, bind), bind.resultFormats()));
        if (previous != null) {
            previous.close();
        }
        output.send(BackendMessages::bindComplete);
    }

    private void describe(Describe describe)
            throws SQLException, InterruptedException
    {
        switch (describe.target()) {
            case STATEMENT -> {
                PreparedStatementEntry entry = statement(describe.name());
                int[] oids = executor.parameterTypeOids(entry);
                output.send(out -> BackendMessages.parameterDescription(out, oids));
                if (entry.statement().kind().returnsRows()) {
                    results.describe(executor.describeColumns(entry), new short[0]);
                }
                else {
                    output.send(BackendMessages::noData);
                }
            }
            case PORTAL -> {
                Portal portal = portal(describe.name());
                if (portal.statement().kind().returnsRows()) {
                    RowCursor cursor = start(portal);
                    results.describe(cursor.columns(), portal.resultFormats());
                }
                else {
                    output.send(BackendMessages::noData);
                }
            }
        }
    }

    private RowCursor start(Portal portal)
            throws SQLException, InterruptedException
    {
        if (portal.cursor() == null) {
            StatementOutcome outcome = executor.execute(portal.bound());
            if (!(outcome instanceof StatementOutcome.Rows(RowCursor cursor))) {
                throw new PgErrorException("XX000", "statement returned no rows: " + portal.statement().sql());
            }
            portal.setCursor(cursor);
        }
        return portal.cursor();
    }

    private void execute(Execute execute)
            throws Exception
    {
        Portal portal = portal(execute.portalName());
        executor.timed(portal.statement().kind(), () -> execute(portal, execute.maxRows()));
    }

    private void execute(Portal portal, int maxRows)
            throws Exception
    {
        if (portal.statement().kind().returnsRows()) {
            if (portal.completed()) {
                output.send(out -> BackendMessages.commandComplete(out, "SELECT 0"));
                return;
            }
            RowCursor cursor = start(portal);
            if (results.stream(cursor, portal.resultFormats(), maxRows)) {
                output.send(BackendMessages::portalSuspended);
            }
            else {
                long sent = cursor.sent();
                portal.complete();
                output.send(out -> BackendMessages.commandComplete(out, "SELECT " + sent));
            }
            return;
        }
        switch (executor.execute(portal.bound())) {
            case StatementOutcome.Done(String tag) -> output.send(out -> BackendMessages.commandComplete(out, tag));
            case StatementOutcome.Empty _ -> output.send(BackendMessages::emptyQueryResponse);
            case StatementOutcome.Rows(RowCursor cursor) -> {
                // a statement we took for a write returned rows: drain them so the query is not cancelled
                try (cursor) {
                    int count = 0;
                    while (cursor.next() != null) {
                        count++;
                    }
                    String tag = "SELECT " + count;
                    output.send(out -> BackendMessages.commandComplete(out, tag));
                }
            }
        }
    }

    private void close(Close close)
            throws SQLException
    {
        switch (close.target()) {
            case STATEMENT -> statements.remove(close.name());
            case PORTAL -> {
                Portal portal = portals.remove(close.name());
                if (portal != null) {
                    portal.close();
                }
            }
        }
        output.send(BackendMessages::closeComplete);
    }

    private void sync()
    {
        skippingUntilSync = false;
        if (!state.inTransactionBlock()) {
            // outside BEGIN … COMMIT each Sync ends the implicit transaction, and with it every portal
            closeAllPortals();
        }
        output.send(out -> BackendMessages.readyForQuery(out, state.transactionStatus()));
        output.flush();
    }

    void closeAllPortals()
    {
        for (Portal portal : portals.values()) {
            try {
                portal.close();
            }
            catch (SQLException _) {
                // closing cancels the Trino query; a failure to cancel leaves nothing for this session to do
            }
        }
        portals.clear();
    }

    private PreparedStatementEntry statement(String name)
    {
        PreparedStatementEntry statement = statements.get(name);
        if (statement == null) {
            throw new PgErrorException("26000", "prepared statement \"%s\" does not exist".formatted(name));
        }
        return statement;
    }

    private Portal portal(String name)
    {
        Portal portal = portals.get(name);
        if (portal == null) {
            throw new PgErrorException("34000", "portal \"%s\" does not exist".formatted(name));
        }
        return portal;
    }
}
