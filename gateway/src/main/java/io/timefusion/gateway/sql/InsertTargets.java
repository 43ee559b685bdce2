package io.timefusion.gateway.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For {@code INSERT INTO table (c1, …, cn) VALUES ($1, …), (…)}: which column each placeholder fills. Trino cannot
 * infer the type of a parameter inside VALUES (DESCRIBE INPUT says "unknown"), but the column's type is the type
 * the value must have, as in Postgres.
 */
public record InsertTargets(String table, Map<Integer, String> columnByPlaceholder)
{
    public static Optional<InsertTargets> of(String sql)
    {
        SqlTokens tokens = new SqlTokens(sql);
        if (!tokens.keyword("INSERT") || !tokens.keyword("INTO")) {
            return Optional.empty();
        }
        String table = tokens.qualifiedName();
        if (table == null || !tokens.symbol('(')) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        do {
            String column = tokens.identifier();
            if (column == null) {
                return Optional.empty();
            }
            columns.add(column);
        }
        while (tokens.symbol(','));
        if (!tokens.symbol(')') || !tokens.keyword("VALUES")) {
            return Optional.empty();
        }
        Map<Integer, String> targets = new HashMap<>();
        do {
            if (!tokens.symbol('(')) {
                return Optional.empty();
            }
            for (int index = 0; index < columns.size(); index++) {
                if (index > 0 && !tokens.symbol(',')) {
                    return Optional.empty();
                }
                int placeholder = tokens.bareParameter();
                if (placeholder > 0) {
                    targets.put(placeholder, columns.get(index));
                }
                else if (!tokens.skipExpression()) {
                    return Optional.empty();
                }
            }
            if (!tokens.symbol(')')) {
                return Optional.empty();
            }
        }
        while (tokens.symbol(','));
        return Optional.of(new InsertTargets(table, Map.copyOf(targets)));
    }
}
