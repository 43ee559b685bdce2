package io.timefusion.gateway.sql.deparse;

import io.timefusion.contract.OtelLogsAndSpans;
import io.timefusion.gateway.sql.Identifiers;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.TableFunction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GROUP BY bucket} where {@code bucket} is an output column's alias ({@code time_bucket(…) AS bucket}): Postgres
 * resolves a bare GROUP BY name to a column of the FROM relations first and, when none has that name, to an output
 * column; Trino only to input columns. Such a name becomes the output column's position, which Trino groups by. The
 * input columns must be known for that — the TimeFusion table's, a subquery's named outputs, a function's column
 * aliases — and when any relation's are not, the statement is left as written.
 */
final class GroupByOutputNames
{
    private static final Set<String> TABLE_COLUMNS = OtelLogsAndSpans.COLUMNS.stream().map(OtelLogsAndSpans.Column::name).collect(Collectors.toUnmodifiableSet());

    private GroupByOutputNames() {}

    static void groupByOutputPositions(PlainSelect select)
    {
        GroupByElement groupBy = select.getGroupBy();
        if (groupBy == null || groupBy.getGroupByExpressionList() == null || groupBy.getGroupByExpressionList().isEmpty()) {
            return;
        }
        Optional<Set<String>> inputColumns = inputColumns(select);
        if (inputColumns.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        ExpressionList<Expression> expressions = (ExpressionList<Expression>) groupBy.getGroupByExpressionList();
        for (int i = 0; i < expressions.size(); i++) {
            if (expressions.get(i) instanceof Column column && column.getTable() == null && !inputColumns.get().contains(Identifiers.folded(column.getColumnName()))) {
                int position = outputPosition(select, Identifiers.folded(column.getColumnName()));
                if (position > 0) {
                    expressions.set(i, new LongValue(position));
                }
            }
        }
    }

    /** The 1-based position of the select item aliased {@code name}, 0 when none is. */
    private static int outputPosition(PlainSelect select, String name)
    {
        List<SelectItem<?>> items = select.getSelectItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).getAlias() != null && Identifiers.folded(items.get(i).getAlias().getName()).equals(name)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Optional<Set<String>> inputColumns(PlainSelect select)
    {
        List<FromItem> relations = new ArrayList<>();
        relations.add(select.getFromItem());
        if (select.getJoins() != null) {
            select.getJoins().stream().map(Join::getFromItem).forEach(relations::add);
        }
        Set<String> columns = new HashSet<>();
        for (FromItem relation : relations) {
            Optional<Set<String>> relationColumns = columnsOf(relation);
            if (relationColumns.isEmpty()) {
                return Optional.empty();
            }
            columns.addAll(relationColumns.get());
        }
        return Optional.of(columns);
    }

    private static Optional<Set<String>> columnsOf(FromItem relation)
    {
        if (relation != null && relation.getAlias() != null && relation.getAlias().getAliasColumns() != null && !relation.getAlias().getAliasColumns().isEmpty()) {
            return Optional.of(relation.getAlias().getAliasColumns().stream().map(column -> Identifiers.folded(column.name)).collect(Collectors.toSet()));
        }
        return switch (relation) {
            case Table table when Identifiers.normalize(table.getName()).equals(OtelLogsAndSpans.TABLE)
                    && (table.getSchemaName() == null || Identifiers.normalize(table.getSchemaName()).equals(OtelLogsAndSpans.SCHEMA)) -> Optional.of(TABLE_COLUMNS);
            case ParenthesedSelect subquery when subquery.getSelect() instanceof PlainSelect query -> outputNames(query);
            case TableFunction function -> Optional.of(Set.of(Identifiers.folded(function.getAlias() == null ? function.getFunction().getName() : function.getAlias().getName())));
            case null, default -> Optional.empty();
        };
    }

    /** A query's output names, when every item has one (an alias or a column); a {@code *} hides them. */
    private static Optional<Set<String>> outputNames(PlainSelect query)
    {
        Set<String> names = new HashSet<>();
        for (SelectItem<?> item : query.getSelectItems()) {
            if (item.getAlias() != null) {
                names.add(Identifiers.folded(item.getAlias().getName()));
            }
            else if (item.getExpression() instanceof Column column) {
                names.add(Identifiers.folded(column.getColumnName()));
            }
            else {
                return Optional.empty();
            }
        }
        return Optional.of(names);
    }
}
