package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.List;
import java.util.Optional;

/**
 * UPDATE and DELETE in the forms Trino's own UPDATE and DELETE lack (UPDATE … FROM, DELETE … USING, a target table
 * with an alias) printed as the MERGE that means the same: the FROM or USING relation is the source, the WHERE
 * condition the ON condition, and each target row that matches is updated or deleted once. Where Postgres would pick
 * one of several matching source rows for a target row, Trino's MERGE refuses the statement instead. RETURNING is
 * refused everywhere: Trino answers a row change with its count only.
 */
final class RowChangeStatements
{
    // a one-row source for an aliased UPDATE or DELETE without FROM/USING: MERGE always reads a source
    private static final String SINGLE_ROW = "(VALUES true) AS single_row(matched)";

    private RowChangeStatements() {}

    static boolean needsMerge(Update update)
    {
        refuseReturning(update.getReturningClause() != null);
        return update.getFromItem() != null || update.getTable().getAlias() != null;
    }

    static boolean needsMerge(Delete delete)
    {
        refuseReturning(delete.getReturningClause() != null);
        return delete.getTable().getAlias() != null || (delete.getUsingList() != null && !delete.getUsingList().isEmpty());
    }

    static void printUpdate(Update update, TrinoExpressionDeParser expressions, TrinoSelectDeParser selects, StringBuilder builder)
    {
        if (update.getStartJoins() != null && !update.getStartJoins().isEmpty()) {
            throw new UnsupportedStatementException("UPDATE with JOIN before SET is not supported; use UPDATE … SET … FROM … WHERE …");
        }
        Optional<FromItem> source = Optional.ofNullable(update.getFromItem());
        source.ifPresent(_ -> requireOneRelation(update.getJoins(), "UPDATE … FROM"));
        printMerge(update.getTable(), source, Optional.ofNullable(update.getWhere()), expressions, selects, builder, () -> {
            builder.append(" WHEN MATCHED THEN UPDATE SET ");
            boolean first = true;
            for (UpdateSet set : update.getUpdateSets()) {
                if (set.getColumns().size() != set.getValues().size()) {
                    throw new UnsupportedStatementException("UPDATE … SET (columns) = (subquery) is not supported; assign each column its value");
                }
                for (int i = 0; i < set.getColumns().size(); i++) {
                    builder.append(first ? "" : ", ").append(set.getColumns().get(i).getColumnName()).append(" = ");
                    set.getValues().get(i).accept(expressions, null);
                    first = false;
                }
            }
        });
    }

    static void printDelete(Delete delete, TrinoExpressionDeParser expressions, TrinoSelectDeParser selects, StringBuilder builder)
    {
        List<Table> using = delete.getUsingList() == null ? List.of() : delete.getUsingList();
        if (using.size() > 1) {
            throw new UnsupportedStatementException("DELETE … USING with more than one relation is not supported; join them in a subquery");
        }
        printDeleteUsing(delete.getTable(), using.stream().findFirst().map(FromItem.class::cast), Optional.ofNullable(delete.getWhere()), expressions, selects, builder);
    }

    static void printDeleteUsing(Table target, Optional<FromItem> source, Optional<Expression> where, TrinoExpressionDeParser expressions, TrinoSelectDeParser selects, StringBuilder builder)
    {
        printMerge(target, source, where, expressions, selects, builder, () -> builder.append(" WHEN MATCHED THEN DELETE"));
    }

    private static void printMerge(Table target, Optional<FromItem> source, Optional<Expression> where, TrinoExpressionDeParser expressions, TrinoSelectDeParser selects,
            StringBuilder builder, Runnable action)
    {
        builder.append("MERGE INTO ").append(target.getFullyQualifiedName());
        if (target.getAlias() != null) {
            builder.append(" AS ").append(target.getAlias().getName());
        }
        builder.append(" USING ");
        source.ifPresentOrElse(item -> item.accept(selects, null), () -> builder.append(SINGLE_ROW));
        builder.append(" ON ");
        where.ifPresentOrElse(condition -> condition.accept(expressions, null), () -> builder.append("true"));
        action.run();
    }

    private static void requireOneRelation(List<Join> joins, String statement)
    {
        if (joins != null && !joins.isEmpty()) {
            throw new UnsupportedStatementException(statement + " with more than one relation is not supported; join them in a subquery");
        }
    }

    private static void refuseReturning(boolean returning)
    {
        if (returning) {
            throw new UnsupportedStatementException("RETURNING is not supported: TimeFusion answers UPDATE and DELETE with the count of rows changed");
        }
    }
}
