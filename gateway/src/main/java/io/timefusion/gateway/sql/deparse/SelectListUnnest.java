package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.UnsupportedStatementException;
import io.timefusion.gateway.sql.rules.FunctionNames;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.TableFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code unnest(array)} as a select item, which drivers and the main client use to turn array parameters into rows
 * ({@code SELECT unnest($1::text[]) AS id, unnest($2::text[]) AS hash}). Postgres runs the set-returning calls of one
 * select list in lockstep, one output row per element, the shorter arrays padded with NULLs (since Postgres 10);
 * Trino's UNNEST of several arrays zips them the same way. So the calls become one UNNEST joined to the FROM rows
 * (or the only relation when there is no FROM), and each item a column of it, named as Postgres names it.
 */
final class SelectListUnnest
{
    private static final String RELATION = "select_list_unnest";

    private SelectListUnnest() {}

    static void joinUnnestedArrays(PlainSelect select)
    {
        List<SelectItem<?>> items = select.getSelectItems();
        List<Expression> arrays = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i).getExpression() instanceof Function function) || !FunctionNames.of(function).equals("unnest")) {
                continue;
            }
            if (function.getParameters() == null || function.getParameters().size() != 1) {
                throw new UnsupportedStatementException("unnest with several arrays is supported in FROM only: FROM unnest(a, b) AS u(x, y)");
            }
            if (select.getGroupBy() != null || select.getHaving() != null || select.getDistinct() != null) {
                // Postgres expands the arrays after grouping and before DISTINCT; a join would expand them before
                throw new UnsupportedStatementException("unnest in the select list of a query with GROUP BY, HAVING or DISTINCT is not supported; use it in FROM");
            }
            arrays.add(function.getParameters().getFirst());
            Alias name = items.get(i).getAlias() != null ? items.get(i).getAlias() : new Alias("\"unnest\"", true);
            items.set(i, new SelectItem<>(new Column(new Table(RELATION), "element_" + arrays.size()), name));
        }
        if (arrays.isEmpty()) {
            return;
        }
        TableFunction unnest = new TableFunction(new Function("unnest", arrays.toArray(Expression[]::new)));
        Alias alias = new Alias(RELATION, true);
        List<Alias.AliasColumn> columns = new ArrayList<>();
        for (int i = 1; i <= arrays.size(); i++) {
            columns.add(new Alias.AliasColumn("element_" + i));
        }
        alias.setAliasColumns(columns);
        unnest.setAlias(alias);
        if (select.getFromItem() == null) {
            select.setFromItem(unnest);
            return;
        }
        Join join = new Join();
        join.setCross(true);
        join.setFromItem(unnest);
        select.addJoins(join);
    }
}
