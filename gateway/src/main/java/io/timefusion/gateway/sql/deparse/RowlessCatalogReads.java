package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.catalog.CatalogRelation;
import io.timefusion.gateway.sql.rules.FunctionNames;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A query that inner-joins a catalog relation without rows (pg_publication_rel, pg_index, pg_auth_members …) and
 * does not aggregate has no rows, so its select items are never evaluated. Those with subqueries become NULL: psql's
 * describe queries put correlated subqueries there (the columns of a publication, over generate_series of the outer
 * row's array) that Trino cannot plan, even where they would never run. For the same reason such a query adds
 * nothing to a UNION and is left out of it (but the first, which names the columns): pgAdmin's recursive walk
 * of role memberships (pg_auth_members) is one Trino fails to plan when it is correlated.
 */
final class RowlessCatalogReads
{
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "min", "max", "avg", "array_agg", "string_agg", "bool_and", "bool_or",
            "every", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "stddev", "variance");

    private RowlessCatalogReads() {}

    static void nullSubqueriesOfRowlessSelect(PlainSelect select, CatalogReferences catalog)
    {
        if (!hasNoRows(select, catalog)) {
            return;
        }
        List<SelectItem<?>> items = select.getSelectItems();
        for (int i = 0; i < items.size(); i++) {
            if (contains(items.get(i).getExpression(), false)) {
                items.set(i, new SelectItem<>(new NullValue(), items.get(i).getAlias()));
            }
        }
    }

    static void dropRowlessUnionBranches(SetOperationList union, CatalogReferences catalog)
    {
        if (!union.getOperations().stream().allMatch(operation -> operation instanceof UnionOp)) {
            return;
        }
        for (int i = union.getSelects().size() - 1; i >= 1; i--) {
            if (union.getSelects().get(i) instanceof PlainSelect branch && hasNoRows(branch, catalog)) {
                union.getSelects().remove(i);
                union.getOperations().remove(i - 1);
            }
        }
    }

    private static boolean hasNoRows(PlainSelect select, CatalogReferences catalog)
    {
        return select.getGroupBy() == null && select.getHaving() == null && readsRowlessRelation(select, catalog)
                && select.getSelectItems().stream().noneMatch(item -> contains(item.getExpression(), true));
    }

    private static boolean readsRowlessRelation(PlainSelect select, CatalogReferences catalog)
    {
        if (isRowless(select.getFromItem(), catalog)) {
            return true;
        }
        return select.getJoins() != null && select.getJoins().stream()
                .filter(join -> !join.isOuter() && !join.isLeft() && !join.isRight() && !join.isFull())
                .map(Join::getFromItem)
                .anyMatch(item -> isRowless(item, catalog));
    }

    private static boolean isRowless(FromItem item, CatalogReferences catalog)
    {
        return item instanceof Table table && catalog.resolve(Optional.ofNullable(table.getSchemaName()), table.getName()).map(CatalogRelation::rowless).orElse(false);
    }

    /** Whether the expression has an aggregate call (or, when {@code aggregates} is false, a subquery) outside its subqueries. */
    private static boolean contains(Expression expression, boolean aggregates)
    {
        boolean[] found = {false};
        expression.accept(new ExpressionVisitorAdapter<Void>()
        {
            @Override
            public <S> Void visit(Function function, S context)
            {
                if (aggregates && AGGREGATES.contains(FunctionNames.of(function))) {
                    found[0] = true;
                }
                if (!aggregates && FunctionNames.of(function).equals("array") && function.getParameters() != null
                        && function.getParameters().size() == 1 && function.getParameters().getFirst() instanceof Select) {
                    found[0] = true;
                    return null;
                }
                return super.visit(function, context);
            }

            @Override
            public <S> Void visit(ParenthesedSelect subquery, S context)
            {
                found[0] |= !aggregates;
                return null;
            }

            @Override
            public <S> Void visit(Select subquery, S context)
            {
                found[0] |= !aggregates;
                return null;
            }
        }, null);
        return found[0];
    }
}
