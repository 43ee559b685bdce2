package io.timefusion.gateway.ingest;

import io.timefusion.gateway.ingest.InsertCell.Parameter;
import io.timefusion.gateway.sql.Identifiers;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a client INSERT parsed by the translator (escape strings already decoded) into the shape {@link IngestInsert} binds: the target table, the column list
 * and, per row (or per unnest argument), where each cell's value comes from. Returns empty for anything outside the
 * shapes IngestInsert describes, which then goes to Trino as SQL.
 */
final class InsertParser
{
    private InsertParser() {}

    static Optional<IngestInsert> parse(Insert insert)
    {
        if (insert.getReturningClause() != null || insert.getDuplicateUpdateSets() != null
                || insert.getConflictAction() != null || insert.getWithItemsList() != null) {
            return Optional.empty();
        }
        String table = Identifiers.folded(insert.getTable().getName());
        String schema = insert.getTable().getSchemaName();
        if (!IngestTables.isIngestTable(table) || schema != null && !Identifiers.folded(schema).equals("public")) {
            return Optional.empty();
        }
        Optional<List<String>> columns = insert.getColumns() == null
                ? Optional.empty()
                : Optional.of(insert.getColumns().stream().map(Column::getColumnName).map(Identifiers::folded).toList());
        try {
            return switch (insert.getSelect()) {
                case Values values -> Optional.of(new IngestInsert(table, columns, valuesRows(values), false));
                case PlainSelect select when columns.isPresent() && isUnnestOfAll(select) ->
                        Optional.of(new IngestInsert(table, columns, List.of(unnestArguments((TableFunction) select.getFromItem())), true));
                default -> Optional.empty();
            };
        }
        catch (Unparsed e) {
            return Optional.empty();
        }
    }

    private static List<List<InsertCell>> valuesRows(Values values)
    {
        ExpressionList<?> expressions = values.getExpressions();
        boolean multiRow = expressions.stream().allMatch(ExpressionList.class::isInstance);
        List<List<InsertCell>> rows = new ArrayList<>();
        if (multiRow) {
            for (Object row : expressions) {
                rows.add(cells((ExpressionList<?>) row));
            }
        }
        else {
            rows.add(cells(expressions));
        }
        return rows;
    }

    private static List<InsertCell> cells(ExpressionList<?> expressions)
    {
        List<InsertCell> cells = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            cells.add(cell(expression));
        }
        return cells;
    }

    private static InsertCell cell(Expression expression)
    {
        return switch (expression) {
            case CastExpression cast -> cell(cast.getLeftExpression());
            case JdbcParameter parameter when parameter.isUseFixedIndex() && parameter.getIndex() != null -> new Parameter(parameter.getIndex());
            case StringValue string -> new InsertCell.Text(stringText(string));
            case DateTimeLiteralExpression literal when literal.getValue().length() >= 2 && literal.getValue().startsWith("'") && literal.getValue().endsWith("'") ->
                    new InsertCell.Text(literal.getValue().substring(1, literal.getValue().length() - 1).replace("''", "'"));
            case LongValue number -> new InsertCell.Value(new BigDecimal(number.getStringValue()));
            case DoubleValue number -> new InsertCell.Value(new BigDecimal(number.toString()));
            case SignedExpression signed when signed.getSign() == '-' && cell(signed.getExpression()) instanceof InsertCell.Value(BigDecimal number) ->
                    new InsertCell.Value(number.negate());
            case SignedExpression signed when signed.getSign() == '+' -> cell(signed.getExpression());
            case BooleanValue bool -> new InsertCell.Value(bool.getValue());
            case NullValue _ -> new InsertCell.Value(null);
            case ArrayConstructor array when array.getExpressions() != null && array.getExpressions().stream().noneMatch(ArrayConstructor.class::isInstance) ->
                    new InsertCell.Array(cells(array.getExpressions()));
            default -> throw new Unparsed();
        };
    }

    /** A standard string's text; other prefixes (N'…', B'…', X'…') are not text the scanner's shapes hold. */
    private static String stringText(StringValue string)
    {
        if (string.getPrefix() != null) {
            throw new Unparsed();
        }
        return string.getNotExcapedValue();
    }

    private static boolean isUnnestOfAll(PlainSelect select)
    {
        return select.getSelectItems().size() == 1
                && select.getSelectItems().getFirst().getExpression() instanceof AllColumns
                && select.getFromItem() instanceof TableFunction function
                && function.getFunction().getName().equalsIgnoreCase("unnest")
                && function.getAlias() == null
                && select.getWhere() == null && select.getJoins() == null && select.getGroupBy() == null
                && select.getOrderByElements() == null && select.getLimit() == null && select.getDistinct() == null;
    }

    private static List<InsertCell> unnestArguments(TableFunction function)
    {
        ExpressionList<?> parameters = function.getFunction().getParameters();
        if (parameters == null || parameters.isEmpty()) {
            throw new Unparsed();
        }
        return cells(parameters);
    }

    /** A construct outside the shapes parsed here: the INSERT goes to Trino as SQL. */
    private static final class Unparsed
            extends RuntimeException
    {
        Unparsed()
        {
            super(null, null, false, false);
        }
    }
}
