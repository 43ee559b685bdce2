package io.timefusion.gateway.server;

import io.timefusion.gateway.ingest.BindValue;
import io.timefusion.gateway.ingest.IngestInsert;
import io.timefusion.gateway.ingest.IngestTables;
import io.timefusion.gateway.pgwire.protocol.FormatCodes;
import io.timefusion.gateway.pgwire.protocol.FrontendMessage.Bind;
import io.timefusion.gateway.pgwire.types.PgType;
import io.timefusion.gateway.sql.ParameterLiterals;
import io.timefusion.gateway.sql.StatementKind;
import io.timefusion.gateway.sql.TranslatedStatement;
import io.timefusion.gateway.trino.ParameterTypes;
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
 * Parameters of the extended protocol: the type each {@code $n} has (declared by the client, else its cast's, the column
 * it fills, or Trino's inference), and their values written into the statement as literals of that type, or read into
 * the rows of an INSERT the gateway writes itself.
 */
final class ParameterBinder
{
    private final TrinoSession trino;
    private final ParameterTypes parameterTypes;
    private final IngestTables ingestTables;

    ParameterBinder(TrinoSession trino, ParameterTypes parameterTypes, IngestTables ingestTables)
    {
        this.trino = trino;
        this.parameterTypes = parameterTypes;
        this.ingestTables = ingestTables;
    }

    /** A statement of the simple protocol, which has no parameters to bind. */
    BoundStatement bindNone(TranslatedStatement statement)
            throws SQLException
    {
        if (statement.parameterCount() > 0) {
            throw new PgErrorException("42P02", "there is no parameter $" + statement.parameterCount());
        }
        if (statement.ingest().isPresent()) {
            IngestInsert insert = statement.ingest().get();
            return BoundStatement.rows(statement, insert.bind(ingestTables.table(insert.table()), List.of()));
        }
        return BoundStatement.sql(statement, statement.trinoSql());
    }

    BoundStatement bind(PreparedStatementEntry entry, Bind bind)
            throws SQLException
    {
        List<byte[]> values = bind.parameterValues();
        TranslatedStatement statement = entry.statement();
        if (statement.kind().isOwnStatement()) {
            // carried out (or refused) by the gateway from its text: nothing of it reaches Trino to bind into
            return BoundStatement.sql(statement, statement.trinoSql());
        }
        if (statement.ingest().isPresent()) {
            IngestInsert insert = statement.ingest().get();
            List<BindValue> bindValues = new ArrayList<>(entry.parameterCount());
            for (int i = 0; i < entry.parameterCount(); i++) {
                bindValues.add(new BindValue(values.get(i), bind.parameterFormat(i) == FormatCodes.BINARY, entry.declaredTypeOid(i)));
            }
            return BoundStatement.rows(statement, insert.bind(ingestTables.table(insert.table()), bindValues));
        }
        List<Optional<TrinoType>> targets = targetTypes(entry);
        String[] literals = new String[entry.parameterCount()];
        for (int i = 0; i < literals.length; i++) {
            byte[] raw = values.get(i);
            Object value = raw == null ? null : decode(entry, i, targets.get(i), bind.parameterFormat(i), raw);
            literals[i] = ParameterLiterals.render(value, targets.get(i));
        }
        return BoundStatement.sql(statement, statement.trino().bind(number -> literals[number - 1]));
    }

    /** The type of each parameter as ParameterDescription reports it: the declared one, else the one the gateway will read the value as. */
    int[] parameterTypeOids(PreparedStatementEntry entry)
            throws SQLException
    {
        int[] oids = new int[entry.parameterCount()];
        if (entry.statement().ingest().isPresent()) {
            IngestInsert insert = entry.statement().ingest().get();
            int[] columnTypes = insert.parameterTypeOids(ingestTables.table(insert.table()));
            for (int i = 0; i < oids.length; i++) {
                int declared = entry.declaredTypeOid(i);
                oids[i] = declared != 0 ? declared : i < columnTypes.length && columnTypes[i] != 0 ? columnTypes[i] : PgType.TEXT.oid();
            }
            return oids;
        }
        List<Optional<TrinoType>> targets = targetTypes(entry);
        for (int i = 0; i < oids.length; i++) {
            int declared = entry.declaredTypeOid(i);
            oids[i] = declared != 0 ? declared : targets.get(i).map(PgTypeMapping::forTrino).orElse(PgType.TEXT).oid();
        }
        return oids;
    }

    /**
     * The Trino type of each parameter whose type the gateway knows, by number: describing the statement's rows with
     * the parameters cast to them gives the columns the bound statement will have.
     */
    Map<Integer, String> boundTypeNames(PreparedStatementEntry entry)
            throws SQLException
    {
        List<Optional<TrinoType>> targets = targetTypes(entry);
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            int number = i + 1;
            targets.get(i).filter(type -> type.kind() != TrinoType.Kind.OTHER).ifPresent(type -> names.put(number, type.name()));
        }
        return names;
    }

    /** The type each parameter must have: its cast's where the statement casts it, else the column's or Trino's inference. */
    private List<Optional<TrinoType>> targetTypes(PreparedStatementEntry entry)
            throws SQLException
    {
        TranslatedStatement statement = entry.statement();
        boolean allKnown = true;
        for (int i = 0; i < entry.parameterCount(); i++) {
            allKnown &= entry.declaredTypeOid(i) != 0 || statement.parameterCasts().containsKey(i + 1);
        }
        // an INSERT's values must also match the column types (an int8 parameter into an integer column)
        List<Optional<TrinoType>> inferred = entry.parameterCount() == 0 || allKnown && statement.kind() != StatementKind.INSERT
                ? Collections.nCopies(entry.parameterCount(), Optional.empty())
                : parameterTypes.resolve(trino, statement, entry.parameterCount());
        List<Optional<TrinoType>> targets = new ArrayList<>(inferred);
        statement.parameterCasts().forEach((number, type) -> {
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
    private static Object decode(PreparedStatementEntry entry, int index, Optional<TrinoType> target, short format, byte[] raw)
    {
        int declared = entry.declaredTypeOid(index);
        boolean readAsTarget = target.isPresent() && (declared == 0 || format == FormatCodes.TEXT && (declared == PgType.TEXT.oid() || declared == PgType.VARCHAR.oid()));
        PgType<?> type = readAsTarget ? PgTypeMapping.forTrino(target.get()) : declared == 0 ? PgType.TEXT
                : PgType.byOid(declared).orElseThrow(() -> new PgErrorException("42704", "type with OID %d does not exist".formatted(declared)));
        if (declared == 0 && format == FormatCodes.BINARY && target.isEmpty()) {
            throw new PgErrorException("08P01", "parameter $%d has no type: send it in text format or declare its type".formatted(index + 1));
        }
        return format == FormatCodes.BINARY ? type.decodeBinary(raw) : type.decodeText(raw);
    }
}
