package io.timefusion.gateway.sql.deparse;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Columns of a {@code JOIN … USING (c)} named with a table: Postgres accepts {@code ns.nspname} for a USING column,
 * Trino accepts only the joined column, {@code nspname}. For an inner join the joined column equals either side's,
 * for a left join the left side's and for a right join the right side's, so those references lose their
 * qualifier; others (the outer side's column, of a full join) are left for Trino to refuse.
 */
final class UsingJoins
{
    private UsingJoins() {}

    static void unqualifyUsingColumns(PlainSelect select)
    {
        if (select.getJoins() == null) {
            return;
        }
        Set<String> qualified = new HashSet<>();
        List<FromItem> left = new ArrayList<>();
        left.add(select.getFromItem());
        for (Join join : select.getJoins()) {
            if (join.getUsingColumns() != null && !join.isFull()) {
                List<FromItem> sides = new ArrayList<>();
                if (!join.isRight()) {
                    sides.addAll(left);
                }
                if (!join.isLeft()) {
                    sides.add(join.getFromItem());
                }
                for (FromItem side : sides) {
                    name(side).ifPresent(name -> join.getUsingColumns().forEach(column -> qualified.add(name + "." + column.getColumnName().toLowerCase(Locale.ROOT))));
                }
            }
            left.add(join.getFromItem());
        }
        if (qualified.isEmpty()) {
            return;
        }
        ExpressionVisitorAdapter<Void> unqualify = new ExpressionVisitorAdapter<>()
        {
            @Override
            public <S> Void visit(Column column, S context)
            {
                if (column.getTable() != null && qualified.contains(column.getTable().getName().toLowerCase(Locale.ROOT) + "." + column.getColumnName().toLowerCase(Locale.ROOT))) {
                    column.setTable(null);
                }
                return null;
            }
        };
        List<Expression> expressions = new ArrayList<>();
        select.getSelectItems().stream().map(SelectItem::getExpression).forEach(expressions::add);
        expressions.add(select.getWhere());
        expressions.add(select.getHaving());
        if (select.getOrderByElements() != null) {
            select.getOrderByElements().stream().map(OrderByElement::getExpression).forEach(expressions::add);
        }
        if (select.getGroupBy() != null) {
            expressions.addAll(select.getGroupBy().getGroupByExpressionList());
        }
        select.getJoins().forEach(join -> expressions.addAll(join.getOnExpressions()));
        expressions.stream().filter(expression -> expression != null).forEach(expression -> expression.accept(unqualify, null));
    }

    private static Optional<String> name(FromItem item)
    {
        if (item.getAlias() != null) {
            return Optional.of(item.getAlias().getName().toLowerCase(Locale.ROOT));
        }
        return item instanceof Table table ? Optional.of(table.getName().toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
