package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.UnsupportedStatementException;
import io.timefusion.gateway.sql.rules.FunctionNames;
import io.timefusion.gateway.sql.rules.Templates;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.TableFunction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code information_schema._pg_expandarray(a)} in a select list, as drivers apply it to index key vectors
 * (pgjdbc's getPrimaryKeys): a set-returning function of rows (x, n), the elements of a and their positions. Postgres
 * runs the calls of one select list in lockstep, one output row per element; that is a join with the UNNEST of the
 * array WITH ORDINALITY. The call itself becomes a row of (x, n), {@code (…).n} the ordinality. Key vectors hold
 * attribute numbers, so x is an integer.
 */
final class ExpandArrayItems
{
    private static final String FUNCTION = "information_schema._pg_expandarray";

    private ExpandArrayItems() {}

    static void joinExpandedArrays(PlainSelect select)
    {
        Map<String, String> unnestByArray = new LinkedHashMap<>();
        List<SelectItem<?>> items = select.getSelectItems();
        for (int i = 0; i < items.size(); i++) {
            Expression expression = items.get(i).getExpression();
            Optional<Function> call = expandArray(expression instanceof RowGetExpression field ? field.getExpression() : expression);
            if (call.isEmpty()) {
                refuseNested(expression);
                continue;
            }
            Expression array = call.get().getParameters().getFirst();
            String unnest = unnestByArray.computeIfAbsent(array.toString(), _ -> {
                String name = "expanded_array_" + (unnestByArray.size() + 1);
                TableFunction elements = new TableFunction(new Function("unnest", array));
                elements.setWithClause("ORDINALITY");
                Alias alias = new Alias(name, true);
                alias.setAliasColumns(List.of(new Alias.AliasColumn("x"), new Alias.AliasColumn("n")));
                elements.setAlias(alias);
                Join join = new Join();
                join.setCross(true);
                join.setFromItem(elements);
                select.addJoins(join);
                return name;
            });
            Expression replacement = expression instanceof RowGetExpression field
                    ? new Column(new Table(unnest), field.getColumnName())
                    : Templates.expand("CAST(ROW(" + unnest + ".x, " + unnest + ".n) AS ROW(x integer, n bigint))");
            items.set(i, new SelectItem<>(replacement, items.get(i).getAlias()));
        }
    }

    private static Optional<Function> expandArray(Expression expression)
    {
        Expression unwrapped = expression instanceof ParenthesedExpressionList<?> list && list.size() == 1 ? list.getFirst() : expression;
        if (unwrapped instanceof Function function && FunctionNames.of(function).equals(FUNCTION)) {
            if (function.getParameters() == null || function.getParameters().size() != 1) {
                throw new UnsupportedStatementException(FUNCTION + " takes one array");
            }
            return Optional.of(function);
        }
        return Optional.empty();
    }

    private static void refuseNested(Expression expression)
    {
        List<Function> nested = new ArrayList<>();
        expression.accept(new ExpressionVisitorAdapter<Void>()
        {
            @Override
            public <S> Void visit(Function function, S context)
            {
                if (FunctionNames.of(function).equals(FUNCTION)) {
                    nested.add(function);
                }
                return super.visit(function, context);
            }
        }, null);
        if (!nested.isEmpty()) {
            throw new UnsupportedStatementException(FUNCTION + " is supported as a select item or (…).x / (…).n only");
        }
    }
}
