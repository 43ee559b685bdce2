package io.timefusion.gateway.trino;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.timefusion.gateway.sql.InsertTargets;
import io.timefusion.gateway.sql.ParameterizedSql;
import io.timefusion.gateway.sql.ParameterizedSql.QuestionMarks;
import io.timefusion.gateway.sql.TranslatedStatement;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Trino type each {@code $n} of a statement must have, for parameters the client sent without a type: the
 * column it fills in an INSERT, otherwise what Trino's DESCRIBE INPUT infers, corrected to what Postgres would infer.
 * Answers are cached by statement text (table columns for a minute), so repeated statements cost no extra round trip.
 */
public class ParameterTypes
{
    private static final TrinoType VARCHAR = TrinoType.parse("varchar");
    private static final TrinoType DOUBLE = TrinoType.parse("double");

    private final Cache<String, List<Optional<TrinoType>>> byStatement = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();
    private final Cache<String, Map<String, TrinoType>> columnsByTable = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    /** One entry per parameter number 1…count (index 0 is $1). */
    public List<Optional<TrinoType>> resolve(TrinoSession session, TranslatedStatement statement, int count)
            throws SQLException
    {
        String trinoSql = statement.trinoSql();
        List<Optional<TrinoType>> cached = byStatement.getIfPresent(trinoSql);
        if (cached != null && cached.size() == count) {
            return cached;
        }
        List<Optional<TrinoType>> types = new ArrayList<>(Collections.nCopies(count, Optional.empty()));
        Optional<InsertTargets> insert = statement.insertTargets();
        if (insert.isPresent()) {
            Map<String, TrinoType> columns = columns(session, insert.get().table());
            insert.get().columnByPlaceholder().forEach((number, column) -> {
                if (number <= count) {
                    types.set(number - 1, Optional.ofNullable(columns.get(column)));
                }
            });
        }
        if (types.stream().anyMatch(Optional::isEmpty)) {
            describeInput(session, statement.trino(), types);
        }
        List<Optional<TrinoType>> resolved = List.copyOf(types);
        byStatement.put(trinoSql, resolved);
        return resolved;
    }

    /**
     * Types the parameters still unknown from what Trino's DESCRIBE INPUT infers, corrected where Trino's choice for
     * an untyped value differs from Postgres' (which types an unknown from its context by type category):
     * <ul>
     * <li>Trino cannot choose among functions (`substr($1, 2)`: varchar, char or varbinary): Postgres prefers the
     * string category, so parameters that, read as varchar, let Trino choose are read as varchar;</li>
     * <li>Trino takes the narrowest numeric overload (tinyint for `abs($1)`, `round($1)`): Postgres takes its preferred
     * numeric type, double precision, wherever the context accepts it;</li>
     * <li>Trino types an unknown beside a decimal as that decimal's precision and scale (`$1 * 2.5` as decimal(1,0),
     * which rounds 4.7 to 5): Postgres reads it as numeric of the value's own precision and scale.</li>
     * </ul>
     */
    private static void describeInput(TrinoSession session, ParameterizedSql sql, List<Optional<TrinoType>> types)
            throws SQLException
    {
        Map<Integer, String> casts = new HashMap<>();
        List<Optional<TrinoType>> described;
        try {
            described = describe(session, sql, types.size(), casts);
        }
        catch (SQLException e) {
            if (!TrinoErrors.isAmbiguousFunctionCall(e)) {
                throw e;
            }
            described = describeWithText(session, sql, types, e, casts).orElseThrow(() -> e);
        }
        for (int index = 0; index < types.size(); index++) {
            Optional<TrinoType> type = described.get(index);
            int number = index + 1;
            if (types.get(index).isPresent() || type.isEmpty() || casts.containsKey(number)) {
                continue;
            }
            if (type.get().kind() == TrinoType.Kind.SMALLINT && acceptsDouble(session, sql, types.size(), casts, number)) {
                type = Optional.of(DOUBLE);
            }
            else if (type.get().kind() == TrinoType.Kind.DECIMAL) {
                type = Optional.of(TrinoType.NUMERIC);
            }
            types.set(index, type);
        }
        casts.forEach((number, cast) -> types.set(number - 1, Optional.of(TrinoType.parse(cast))));
    }

    /**
     * Reads untyped parameters as varchar, one at a time in order, until Trino can choose: a parameter is kept as
     * varchar when that moved the ambiguity elsewhere (another call of the statement, as in
     * `substr($1, 2) || substr($2, 3)`), dropped when it changed nothing or made the statement invalid. The casts that
     * made the statement unambiguous are added to {@code casts}.
     */
    private static Optional<List<Optional<TrinoType>>> describeWithText(TrinoSession session, ParameterizedSql sql, List<Optional<TrinoType>> types, SQLException ambiguity,
            Map<Integer, String> casts)
            throws SQLException
    {
        Map<Integer, String> asText = new HashMap<>();
        String lastAmbiguity = TrinoErrors.messageOf(ambiguity);
        for (int number = 1; number <= types.size(); number++) {
            if (types.get(number - 1).isPresent()) {
                continue;
            }
            Map<Integer, String> trial = new HashMap<>(asText);
            trial.put(number, VARCHAR.name());
            try {
                List<Optional<TrinoType>> described = describe(session, sql, types.size(), trial);
                casts.putAll(trial);
                return Optional.of(described);
            }
            catch (SQLException e) {
                rethrowIfTrinoUnreachable(e);
                if (TrinoErrors.isAmbiguousFunctionCall(e) && !TrinoErrors.messageOf(e).equals(lastAmbiguity)) {
                    asText = trial;
                    lastAmbiguity = TrinoErrors.messageOf(e);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean acceptsDouble(TrinoSession session, ParameterizedSql sql, int count, Map<Integer, String> casts, int number)
            throws SQLException
    {
        Map<Integer, String> withDouble = new HashMap<>(casts);
        withDouble.put(number, DOUBLE.name());
        return describeUnlessRefused(session, sql, count, withDouble).isPresent();
    }

    private static Optional<List<Optional<TrinoType>>> describeUnlessRefused(TrinoSession session, ParameterizedSql sql, int count, Map<Integer, String> casts)
            throws SQLException
    {
        try {
            return Optional.of(describe(session, sql, count, casts));
        }
        catch (SQLException e) {
            rethrowIfTrinoUnreachable(e);
            return Optional.empty();
        }
    }

    private static void rethrowIfTrinoUnreachable(SQLException e)
            throws SQLException
    {
        if (e.getErrorCode() == 0 && e.getSQLState() == null) {
            // the driver failed, not the statement
            throw e;
        }
    }

    /** DESCRIBE INPUT's type for each parameter number 1…count (index 0 is $1), empty where Trino infers none. */
    private static List<Optional<TrinoType>> describe(TrinoSession session, ParameterizedSql sql, int count, Map<Integer, String> casts)
            throws SQLException
    {
        QuestionMarks questionMarks = sql.withQuestionMarks(casts);
        List<Integer> order = questionMarks.numbers();
        List<Optional<TrinoType>> described = session.parameterTypes(questionMarks.sql());
        List<Optional<TrinoType>> byNumber = new ArrayList<>(Collections.nCopies(count, Optional.empty()));
        for (int i = 0; i < order.size() && i < described.size(); i++) {
            int index = order.get(i) - 1;
            if (index < count && byNumber.get(index).isEmpty()) {
                byNumber.set(index, described.get(i));
            }
        }
        return byNumber;
    }

    private Map<String, TrinoType> columns(TrinoSession session, String table)
            throws SQLException
    {
        Map<String, TrinoType> cached = columnsByTable.getIfPresent(table);
        if (cached != null) {
            return cached;
        }
        Map<String, TrinoType> columns = new HashMap<>();
        for (TrinoColumn column : session.tableColumns(table)) {
            columns.put(column.name(), column.type());
        }
        columnsByTable.put(table, Map.copyOf(columns));
        return columns;
    }
}
