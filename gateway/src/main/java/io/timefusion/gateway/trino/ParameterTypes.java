package io.timefusion.gateway.trino;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.timefusion.gateway.sql.InsertTargets;
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
 * column it fills in an INSERT, otherwise what Trino's DESCRIBE INPUT infers. Answers are cached by statement
 * text (table columns for a minute), so repeated statements cost no extra round trip to Trino.
 */
public class ParameterTypes
{
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
            describeInput(session, statement.trino().withQuestionMarks(), types);
        }
        List<Optional<TrinoType>> resolved = List.copyOf(types);
        byStatement.put(trinoSql, resolved);
        return resolved;
    }

    private static void describeInput(TrinoSession session, QuestionMarks questionMarks, List<Optional<TrinoType>> types)
            throws SQLException
    {
        List<Integer> order = questionMarks.numbers();
        List<Optional<TrinoType>> described = session.parameterTypes(questionMarks.sql());
        for (int i = 0; i < order.size() && i < described.size(); i++) {
            int index = order.get(i) - 1;
            if (index < types.size() && types.get(index).isEmpty()) {
                types.set(index, described.get(i));
            }
        }
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
