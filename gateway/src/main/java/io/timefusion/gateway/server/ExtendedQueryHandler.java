package io.timefusion.gateway.server;

import io.timefusion.gateway.ingest.BindValue;
import io.timefusion.gateway.ingest.IngestInsert;
import io.timefusion.gateway.ingest.RowBatch;
import io.timefusion.gateway.pgwire.protocol.BackendMessages;
import io.timefusion.gateway.pgwire.protocol.FormatCodes;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Bind;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Close;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Describe;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Execute;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Parse;
import io.timefusion.gateway.pgwire.types.PgType;
import io.timefusion.gateway.sql.ParameterCasts;
import io.timefusion.gateway.sql.ParameterLiterals;
import io.timefusion.gateway.sql.Placeholders;
import io.timefusion.gateway.sql.SqlTranslator;
import io.timefusion.gateway.sql.StatementKind;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.trino.ParameterTypes;
import io.timefusion.gateway.trino.TrinoColumn;
import io.timefusion.gateway.trino.TrinoSession;
import io.timefusion.gateway.trino.TrinoType;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The extended query protocol: Parse, Bind, Describe, Execute (with row limits and portal suspension), Close,
 * Sync and Flush. After an error every message up to the next Sync is skipped, as the protocol prescribes.
 */
final class ExtendedQueryHandler
{
    private final SessionState state;
    private final StatementRunner runner;
    private final TrinoSession trino;
    private final SqlTranslator translator;
    private final TranslationBudget translationBudget;
    private final TranslationContext context;
    private final ParameterTypes parameterTypes;
    private final PgOutput output;
    private final ResultWriter results;
    private final ErrorReporter errors;
    private final CopyInHandler copyIn;

    private final Map<String, PreparedStatementEntry> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    private boolean skippingUntilSync;

    ExtendedQueryHandler(SessionState state, StatementRunner runner, TrinoSession trino, SqlTranslator translator, TranslationBudget translationBudget, TranslationContext context,
            ParameterTypes parameterTypes, PgOutput output, ErrorReporter errors, CopyInHandler copyIn)
    {
        this.translationBudget = translationBudget;
        this.context = context;
        this.copyIn = copyIn;
        this.state = state;
        this.runner = runner;
        this.trino = trino;
        this.translator = translator;
        this.parameterTypes = parameterTypes;
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
        ProcedureCalls.refuse(parse.sql());
        StatementKind kind = StatementKind.of(parse.sql());
        Optional<IngestInsert> ingest;
        String trinoSql;
        try (TranslationBudget.Permit _ = translationBudget.acquire(parse.sql())) {
            ingest = runner.parseIngest(kind, parse.sql());
            // the rows of an INSERT parsed here never reach Trino as SQL: no translation
            trinoSql = ingest.isPresent() ? parse.sql() : runnerTranslation(kind, parse.sql());
        }
        int placeholders = ingest.isPresent() ? ingest.get().parameterCount() : Placeholders.count(trinoSql);
        int parameterCount = Math.max(placeholders, parse.parameterTypeOids().length);
        statements.put(parse.statementName(), new PreparedStatementEntry(parse.sql(), trinoSql, kind, parse.parameterTypeOids(), parameterCount, ingest));
        output.send(BackendMessages::parseComplete);
    }

    // statements the gateway answers itself are not translated: they never reach Trino
    private String runnerTranslation(StatementKind kind, String sql)
    {
        return switch (kind) {
            case BEGIN, COMMIT, ROLLBACK, SET, COPY -> sql;
            default -> translator.toTrino(sql, context);
        };
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
        if (statement.ingest().isPresent()) {
            bindIngest(bind, statement, statement.ingest().get());
            return;
        }
        List<Optional<TrinoType>> targets = targetTypes(statement);
        String[] literals = new String[statement.parameterCount()];
        for (int i = 0; i < literals.length; i++) {
            byte[] raw = bind.parameterValues().get(i);
            Object value = raw == null ? null : decode(statement, i, targets.get(i), bind.parameterFormat(i), raw);
            literals[i] = ParameterLiterals.render(value, targets.get(i));
        }
        String boundSql = literals.length == 0 ? statement.trinoSql() : Placeholders.replace(statement.trinoSql(), number -> literals[number - 1]);
        Portal previous = portals.put(bind.portalName(), new Portal(statement, boundSql, bind.resultFormats()));
        if (previous != null) {
            previous.close();
        }
        output.send(BackendMessages::bindComplete);
    }

    private void bindIngest(Bind bind, PreparedStatementEntry statement, IngestInsert insert)
            throws SQLException
    {
        List<BindValue> values = new ArrayList<>(statement.parameterCount());
        for (int i = 0; i < statement.parameterCount(); i++) {
            values.add(new BindValue(bind.parameterValues().get(i), bind.parameterFormat(i) == FormatCodes.BINARY, statement.declaredTypeOid(i)));
        }
        RowBatch batch = insert.bind(runner.ingestTable(insert.table()), values);
        Portal previous = portals.put(bind.portalName(), new Portal(statement, batch, bind.resultFormats()));
        if (previous != null) {
            previous.close();
        }
        output.send(BackendMessages::bindComplete);
    }

    /** The type each parameter must have: its cast's where the statement casts it, else the column's or Trino's inference. */
    private List<Optional<TrinoType>> targetTypes(PreparedStatementEntry statement)
            throws SQLException
    {
        Map<Integer, TrinoType> casts = ParameterCasts.of(statement.trinoSql());
        boolean allKnown = true;
        for (int i = 0; i < statement.parameterCount(); i++) {
            allKnown &= statement.declaredTypeOid(i) != 0 || casts.containsKey(i + 1);
        }
        // an INSERT's values must also match the column types (an int8 parameter into an integer column)
        List<Optional<TrinoType>> inferred = statement.parameterCount() == 0 || allKnown && statement.kind() != StatementKind.INSERT
                ? Collections.nCopies(statement.parameterCount(), Optional.empty())
                : parameterTypes.resolve(trino, statement.trinoSql(), statement.parameterCount());
        List<Optional<TrinoType>> targets = new ArrayList<>(inferred);
        casts.forEach((number, type) -> {
            if (number <= targets.size()) {
                targets.set(number - 1, Optional.of(type));
            }
        });
        return targets;
    }

    /**
     * A value sent as text for a parameter the statement casts is read as input of the cast's type, as Postgres
     * reads {@code '{a,b}'::text[]}; a client that declared text (or nothing) has left the reading to the server.
     */
    private static Object decode(PreparedStatementEntry statement, int index, Optional<TrinoType> target, short format, byte[] raw)
    {
        int declared = statement.declaredTypeOid(index);
        boolean readAsTarget = target.isPresent() && (declared == 0 || format == FormatCodes.TEXT && (declared == PgType.TEXT.oid() || declared == PgType.VARCHAR.oid()));
        PgType<?> type = readAsTarget ? PgTypeMapping.forTrino(target.get()) : declared == 0 ? PgType.TEXT
                : PgType.byOid(declared).orElseThrow(() -> new PgErrorException("42704", "type with OID %d does not exist".formatted(declared)));
        if (declared == 0 && format == FormatCodes.BINARY && target.isEmpty()) {
            throw new PgErrorException("08P01", "parameter $%d has no type: send it in text format or declare its type".formatted(index + 1));
        }
        return format == FormatCodes.BINARY ? type.decodeBinary(raw) : type.decodeText(raw);
    }

    private void describe(Describe describe)
            throws SQLException
    {
        switch (describe.target()) {
            case STATEMENT -> {
                PreparedStatementEntry statement = statement(describe.name());
                if (statement.ingest().isPresent()) {
                    describeIngest(statement, statement.ingest().get());
                    return;
                }
                List<Optional<TrinoType>> targets = targetTypes(statement);
                int[] oids = new int[statement.parameterCount()];
                for (int i = 0; i < oids.length; i++) {
                    int declared = statement.declaredTypeOid(i);
                    oids[i] = declared != 0 ? declared : targets.get(i).map(PgTypeMapping::forTrino).orElse(PgType.TEXT).oid();
                }
                output.send(out -> BackendMessages.parameterDescription(out, oids));
                if (statement.kind().returnsRows()) {
                    String questionMarks = Placeholders.replace(statement.trinoSql(), _ -> "?");
                    List<TrinoColumn> columns = trino.describeOutput(questionMarks);
                                results.describe(columns, new short[0]);
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

    private void describeIngest(PreparedStatementEntry statement, IngestInsert insert)
            throws SQLException
    {
        int[] columnTypes = insert.parameterTypeOids(runner.ingestTable(insert.table()));
        int[] oids = new int[statement.parameterCount()];
        for (int i = 0; i < oids.length; i++) {
            int declared = statement.declaredTypeOid(i);
            oids[i] = declared != 0 ? declared : i < columnTypes.length && columnTypes[i] != 0 ? columnTypes[i] : PgType.TEXT.oid();
        }
        output.send(out -> BackendMessages.parameterDescription(out, oids));
        output.send(BackendMessages::noData);
    }

    private RowCursor start(Portal portal)
            throws SQLException
    {
        if (portal.cursor() == null) {
            StatementOutcome outcome = runner.run(portal.statement().kind(), portal.boundSql());
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
        runner.timed(portal.statement().kind(), () -> execute(portal, execute.maxRows()));
    }

    private void execute(Portal portal, int maxRows)
            throws Exception
    {
        PreparedStatementEntry statement = portal.statement();
        runner.checkNotInFailedTransaction(statement.kind());
        Optional<String> localTag = runner.runLocally(statement.kind(), portal.boundSql());
        if (localTag.isPresent()) {
            output.send(out -> BackendMessages.commandComplete(out, localTag.get()));
            return;
        }
        if (statement.kind() == StatementKind.COPY) {
            String copyTag = copyIn.copyIn(portal.boundSql());
            output.send(out -> BackendMessages.commandComplete(out, copyTag));
            return;
        }
        if (statement.trinoSql().isBlank()) {
            output.send(BackendMessages::emptyQueryResponse);
            return;
        }
        if (portal.batch().isPresent()) {
            String tag = runner.runIngest(portal.batch().get()).commandTag();
            output.send(out -> BackendMessages.commandComplete(out, tag));
            return;
        }
        if (statement.kind().returnsRows()) {
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
        String tag = switch (runner.run(statement.kind(), portal.boundSql())) {
            case StatementOutcome.Done(String commandTag) -> commandTag;
            case StatementOutcome.Rows(RowCursor cursor) -> {
                // a statement we took for a write returned rows: drain them so the query is not cancelled
                try (cursor) {
                    int count = 0;
                    while (cursor.next() != null) {
                        count++;
                    }
                    yield "SELECT " + count;
                }
            }
        };
        output.send(out -> BackendMessages.commandComplete(out, tag));
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
