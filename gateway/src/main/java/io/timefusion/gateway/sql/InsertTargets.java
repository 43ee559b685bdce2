package io.timefusion.gateway.sql;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For {@code INSERT INTO table (c1, …, cn) VALUES ($1, …), (…)}: which column each bare placeholder fills. Trino cannot
 * infer the type of a parameter inside VALUES (DESCRIBE INPUT says "unknown"), but the column's type is the type
 * the value must have, as in Postgres.
 *
 * @param table the target's lower-case name without catalog and schema
 * @param columnByPlaceholder lower-case column names
 */
public record InsertTargets(String table, Map<Integer, String> columnByPlaceholder)
{
    public InsertTargets
    {
        columnByPlaceholder = Map.copyOf(columnByPlaceholder);
    }

    static Optional<InsertTargets> of(Insert insert)
    {
        if (insert.getColumns() == null || !(insert.getSelect() instanceof Values values)) {
            return Optional.empty();
        }
        List<String> columns = insert.getColumns().stream().map(Column::getColumnName).map(Identifiers::normalize).toList();
        ExpressionList<?> rows = values.getExpressions();
        boolean multiRow = rows.stream().allMatch(ExpressionList.class::isInstance);
        Map<Integer, String> targets = new HashMap<>();
        for (Expression row : multiRow ? rows : List.of(rows)) {
            List<?> cells = (ExpressionList<?>) row;
            for (int index = 0; index < cells.size() && index < columns.size(); index++) {
                if (cells.get(index) instanceof JdbcParameter parameter && parameter.isUseFixedIndex()) {
                    targets.put(parameter.getIndex(), columns.get(index));
                }
            }
        }
        return Optional.of(new InsertTargets(Identifiers.normalize(insert.getTable().getName()), targets));
    }
}
