package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import io.timefusion.gateway.sql.catalog.CatalogRelation;
import io.timefusion.gateway.sql.rules.FunctionNames;
import io.timefusion.gateway.sql.rules.GenerateSeries;
import io.timefusion.gateway.sql.rules.Templates;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.deparser.LimitDeparser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints queries as Trino SQL: reads of emulated catalog relations become reads of their common table
 * expressions, set-returning functions in FROM become UNNEST, DISTINCT ON becomes a row_number() filter,
 * columns of USING joins lose their table qualifier ({@link UsingJoins}), and OFFSET is printed before LIMIT
 * (Trino's order).
 */
public class TrinoSelectDeParser
        extends SelectDeParser
{
    private static final String DISTINCT_ON_ROW = "distinct_on_row";
    private static final String DISTINCT_ON_ORDER = "distinct_on_order_";
    // Postgres' set-returning functions other than unnest and generate_series: rows Trino has no function for
    private static final Set<String> SET_RETURNING_FUNCTIONS = Set.of("json_array_elements", "jsonb_array_elements", "json_array_elements_text",
            "jsonb_array_elements_text", "json_each", "jsonb_each", "json_each_text", "jsonb_each_text", "json_object_keys", "jsonb_object_keys",
            "regexp_matches", "regexp_split_to_table", "generate_subscripts", "json_to_recordset", "jsonb_to_recordset", "json_populate_recordset",
            "jsonb_populate_recordset", "pg_get_keywords", "pg_options_to_table", "_pg_expandarray");

    private final CatalogReferences catalog;
    private final TranslationContext translationContext;
    // the statement's query (a SELECT, or the query of an INSERT): where the catalog's relations are defined
    private final Optional<Select> statementQuery;
    private final PrintedReads reads;

    TrinoSelectDeParser(CatalogReferences catalog, TranslationContext translationContext, Optional<Select> statementQuery, PrintedReads reads)
    {
        this.catalog = catalog;
        this.translationContext = translationContext;
        this.statementQuery = statementQuery;
        this.reads = reads;
    }

    /** The statement's query starts here: without a WITH clause of its own, the catalog's relations get one here. */
    private void printingQuery(Select select)
    {
        if (statementQuery.orElse(null) == select && (select.getWithItemsList() == null || select.getWithItemsList().isEmpty())) {
            catalog.defineAt(getBuilder().length(), false);
        }
    }

    @Override
    public <S> StringBuilder visit(ParenthesedSelect select, S context)
    {
        printingQuery(select);
        return super.visit(select, context);
    }

    @Override
    public <S> StringBuilder visit(PlainSelect select, S context)
    {
        printingQuery(select);
        if (select.getForMode() != null) {
            throw new UnsupportedStatementException("feature not supported: FOR " + select.getForMode().getValue());
        }
        GroupByOutputNames.groupByOutputPositions(select);
        PostgresNullOrdering.keep(select.getOrderByElements());
        if (select.getWindowDefinitions() != null) {
            select.getWindowDefinitions().forEach(window -> PostgresNullOrdering.keep(window.getOrderByElements()));
        }
        UsingJoins.unqualifyUsingColumns(select);
        ExpandArrayItems.joinExpandedArrays(select);
        SelectListUnnest.joinUnnestedArrays(select);
        RowlessCatalogReads.nullSubqueriesOfRowlessSelect(select, catalog);
        if (select.getDistinct() != null && select.getDistinct().getOnSelectItems() != null) {
            return distinctOn(select, context);
        }
        Limit limit = select.getLimit();
        if (limit == null || select.getOffset() == null) {
            return super.visit(select, context);
        }
        select.setLimit(null);
        super.visit(select, context);
        select.setLimit(limit);
        new LimitDeparser(getExpressionVisitor(), getBuilder()).deParse(limit);
        return getBuilder();
    }

    /**
     * {@code SELECT DISTINCT ON (k) items … ORDER BY o} keeps the first row of each k in the order o: the rows are
     * numbered per k in that order and the first ones kept. The outer query names the items, so each must be a
     * column or have an alias; an ORDER BY expression that is not an output column is computed by the inner query as
     * a hidden column the outer query orders by and leaves out, as Postgres orders by expressions it does not return.
     */
    private <S> StringBuilder distinctOn(PlainSelect select, S context)
    {
        List<String> outputs = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            outputs.add(outputName(item).orElseThrow(() -> new UnsupportedStatementException(
                    "DISTINCT ON with select item %s is not supported: give it an alias".formatted(item))));
        }
        List<OrderByElement> orderBy = select.getOrderByElements() == null ? List.of() : select.getOrderByElements();
        List<String> outerOrder = new ArrayList<>();
        List<SelectItem<?>> hiddenOrderColumns = new ArrayList<>();
        for (OrderByElement element : orderBy) {
            String orderColumn;
            if (element.getExpression() instanceof Column column && outputs.contains(column.getColumnName().toLowerCase(Locale.ROOT))) {
                orderColumn = column.getColumnName();
            }
            else {
                orderColumn = DISTINCT_ON_ORDER + (hiddenOrderColumns.size() + 1);
                hiddenOrderColumns.add(new SelectItem<>(element.getExpression(), new Alias(orderColumn)));
            }
            outerOrder.add(orderColumn + (element.isAscDescPresent() && !element.isAsc() ? " DESC" : "")
                    + (element.getNullOrdering() == null ? "" : element.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST ? " NULLS FIRST" : " NULLS LAST"));
        }
        String partition = select.getDistinct().getOnSelectItems().stream().map(Object::toString).collect(Collectors.joining(", "));
        String order = orderBy.stream().map(Object::toString).collect(Collectors.joining(", "));
        Expression rowNumber = Templates.expand("row_number() OVER (PARTITION BY " + partition + (order.isEmpty() ? "" : " ORDER BY " + order) + ")");
        Limit limit = select.getLimit();
        Offset offset = select.getOffset();
        select.setDistinct(null);
        select.setOrderByElements(null);
        select.setLimit(null);
        select.setOffset(null);
        select.addSelectItems(hiddenOrderColumns);
        select.addSelectItem(rowNumber, new Alias(DISTINCT_ON_ROW));
        StringBuilder builder = getBuilder();
        builder.append("SELECT ").append(String.join(", ", outputs)).append(" FROM (");
        super.visit(select, context);
        builder.append(") WHERE ").append(DISTINCT_ON_ROW).append(" = 1");
        if (!outerOrder.isEmpty()) {
            builder.append(" ORDER BY ").append(String.join(", ", outerOrder));
        }
        if (offset != null) {
            visit(offset);
        }
        if (limit != null) {
            new LimitDeparser(getExpressionVisitor(), builder).deParse(limit);
        }
        return builder;
    }

    @Override
    public <S> StringBuilder visit(SetOperationList union, S context)
    {
        printingQuery(union);
        PostgresNullOrdering.keep(union.getOrderByElements());
        RowlessCatalogReads.dropRowlessUnionBranches(union, catalog);
        return super.visit(union, context);
    }

    /**
     * Trino wants the column names of a recursive common table expression; Postgres takes them from its
     * non-recursive term, the first query of the UNION, as they are given here.
     */
    @Override
    public <S> StringBuilder visit(WithItem<?> withItem, S context)
    {
        if (withItem.isRecursive() && (withItem.getWithItemList() == null || withItem.getWithItemList().isEmpty())) {
            Select body = withItem.getSelect().getSelect();
            Select first = body instanceof SetOperationList union ? union.getSelects().getFirst() : body;
            if (!(first instanceof PlainSelect initial)) {
                throw new UnsupportedStatementException("recursive WITH query %s needs column names".formatted(withItem.getAlias()));
            }
            List<SelectItem<?>> columns = new ArrayList<>();
            for (SelectItem<?> item : initial.getSelectItems()) {
                String name = outputName(item).orElseThrow(() -> new UnsupportedStatementException(
                        "recursive WITH query %s needs column names: give %s an alias".formatted(withItem.getAlias(), item)));
                columns.add(new SelectItem<>(new Column(name)));
            }
            withItem.setWithItemList(columns);
        }
        boolean firstOfStatement = statementQuery.map(Select::getWithItemsList).filter(items -> !items.isEmpty()).map(List::getFirst).orElse(null) == withItem;
        if (firstOfStatement && withItem.isRecursive()) {
            // RECURSIVE stays first: the catalog's relations join the list after it
            getBuilder().append("RECURSIVE ");
            withItem.setRecursive(false);
            catalog.defineAt(getBuilder().length(), true);
            super.visit(withItem, context);
            withItem.setRecursive(true);
            return getBuilder();
        }
        if (firstOfStatement) {
            catalog.defineAt(getBuilder().length(), true);
        }
        return super.visit(withItem, context);
    }

    private static Optional<String> outputName(SelectItem<?> item)
    {
        if (item.getAlias() != null) {
            return Optional.of(item.getAlias().getName().toLowerCase(Locale.ROOT));
        }
        if (item.getExpression() instanceof Column column) {
            return Optional.of(column.getColumnName().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    @Override
    public <S> StringBuilder visit(Table table, S context)
    {
        reads.table(table);
        Optional<CatalogRelation> relation = catalog.resolve(Optional.ofNullable(table.getSchemaName()), table.getName());
        if (relation.isEmpty()) {
            return super.visit(table, context);
        }
        StringBuilder builder = getBuilder();
        builder.append(relation.get().cteName());
        // unaliased, the statement refers to the relation's columns by its own name
        Alias alias = table.getAlias() != null ? table.getAlias() : new Alias(table.getName(), true);
        if (!alias.getName().equalsIgnoreCase(relation.get().cteName())) {
            builder.append(alias);
        }
        return builder;
    }

    /**
     * Functions in FROM: {@code unnest(a, b)} is Trino's UNNEST (which zips several arrays as Postgres does) and
     * {@code generate_series(start, stop[, step])} the UNNEST of a sequence ({@link GenerateSeries}); any other function is scalar unless
     * Postgres knows it as set-returning, and a scalar function in FROM is a relation of one row. Without column
     * names the column is named after the alias, or after the function, as in Postgres.
     */
    @Override
    public <S> StringBuilder visit(TableFunction tableFunction, S context)
    {
        Function function = tableFunction.getFunction();
        String name = FunctionNames.of(function);
        if (!name.equals("unnest") && !name.equals("generate_series")) {
            return scalarFunction(tableFunction, name, context);
        }
        int arguments = function.getParameters() == null ? 0 : function.getParameters().size();
        Expression unnested = switch (name) {
            case "unnest" -> function;
            case "generate_series" -> {
                yield GenerateSeries.sequence(arguments == 0 ? List.of() : List.copyOf(function.getParameters()), translationContext);
            }
            default -> throw new IllegalStateException("not a set-returning function: " + name);
        };
        StringBuilder builder = getBuilder();
        builder.append("UNNEST(");
        boolean withOrdinality = "ORDINALITY".equalsIgnoreCase(tableFunction.getWithClause());
        if (withOrdinality && !name.equals("unnest")) {
            throw new UnsupportedStatementException("WITH ORDINALITY is supported for unnest only");
        }
        if (unnested == function) {
            for (int i = 0; i < arguments; i++) {
                if (i > 0) {
                    builder.append(", ");
                }
                function.getParameters().get(i).accept(getExpressionVisitor(), context);
            }
        }
        else {
            unnested.accept(getExpressionVisitor(), context);
        }
        builder.append(withOrdinality ? ") WITH ORDINALITY" : ")");
        Alias alias = tableFunction.getAlias();
        String tableName = alias == null ? name : alias.getName();
        builder.append(" AS ").append(tableName).append("(");
        if (alias != null && alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
            builder.append(alias.getAliasColumns().stream().map(column -> column.name).collect(Collectors.joining(", ")));
        }
        else if (name.equals("unnest") && arguments > 1) {
            throw new UnsupportedStatementException("unnest of several arrays needs column names: AS u(a, b, …)");
        }
        else {
            // Postgres names the position column "ordinality"
            builder.append(tableName).append(withOrdinality ? ", ordinality" : "");
        }
        return builder.append(")");
    }

    private <S> StringBuilder scalarFunction(TableFunction tableFunction, String name, S context)
    {
        if (SET_RETURNING_FUNCTIONS.contains(name)) {
            throw new UnsupportedStatementException("function %s(…) in FROM is not supported".formatted(name));
        }
        Alias alias = tableFunction.getAlias();
        if (alias != null && alias.getAliasColumns() != null && alias.getAliasColumns().size() > 1) {
            throw new UnsupportedStatementException("function %s(…) in FROM returns one column".formatted(name));
        }
        String tableName = alias == null ? name : alias.getName();
        String columnName = alias == null || alias.getAliasColumns() == null || alias.getAliasColumns().isEmpty() ? tableName : alias.getAliasColumns().getFirst().name;
        StringBuilder builder = getBuilder();
        builder.append("(SELECT ");
        tableFunction.getFunction().accept(getExpressionVisitor(), context);
        return builder.append(") AS ").append(tableName).append("(").append(columnName).append(")");
    }
}
