package io.timefusion.gateway.ingest;

import io.timefusion.gateway.ingest.InsertCell.Parameter;
import io.timefusion.gateway.pgwire.types.PgDataException;
import io.timefusion.gateway.pgwire.types.PgType;
import net.sf.jsqlparser.JSQLParserException;
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
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A client INSERT into an ingest table in one of the shapes the gateway turns into a {@link RowBatch} itself:
 * {@code INSERT INTO t [(c, …)] VALUES (…), …} whose cells are literals, {@code ARRAY[…]} of literals or {@code $n}
 * (casts allowed), and {@code INSERT INTO t (c, …) SELECT * FROM unnest($1, $2, …)} with one array per column.
 * Anything else (expressions, INSERT … SELECT from a table, ON CONFLICT, RETURNING) is not parsed here and goes to
 * Trino as SQL. Parsed once per statement; {@link #bind} makes the batch of each execution.
 */
public final class IngestInsert
{
    private final String table;
    private final Optional<List<String>> columns;
    private final List<List<InsertCell>> rows;
    private final boolean unnest;

    private IngestInsert(String table, Optional<List<String>> columns, List<List<InsertCell>> rows, boolean unnest)
    {
        this.table = table;
        this.columns = columns;
        this.rows = rows;
        this.unnest = unnest;
    }

    /** The INSERT, if it writes to an ingest table in a shape parsed here. */
    public static Optional<IngestInsert> parse(String sql)
    {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        }
        catch (JSQLParserException | RuntimeException e) {
            return Optional.empty();
        }
        if (!(statement instanceof Insert insert) || insert.getReturningClause() != null || insert.getDuplicateUpdateSets() != null
                || insert.getConflictAction() != null || insert.getWithItemsList() != null) {
            return Optional.empty();
        }
        String table = unquote(insert.getTable().getName());
        String schema = insert.getTable().getSchemaName();
        if (!IngestTables.isIngestTable(table) || schema != null && !unquote(schema).equals("public")) {
            return Optional.empty();
        }
        Optional<List<String>> columns = insert.getColumns() == null
                ? Optional.empty()
                : Optional.of(insert.getColumns().stream().map(Column::getColumnName).map(IngestInsert::unquote).toList());
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

    public String table()
    {
        return table;
    }

    /** The highest {@code $n}: how many parameters a Bind must supply. */
    public int parameterCount()
    {
        return rows.stream().flatMap(List::stream).mapToInt(IngestInsert::highestParameter).max().orElse(0);
    }

    /** The type each parameter gets, from its column: what ParameterDescription reports (0 where no column says). */
    public int[] parameterTypeOids(IngestTable target)
            throws IngestException
    {
        List<IngestColumn> targetColumns = targetColumns(target);
        int[] oids = new int[parameterCount()];
        for (List<InsertCell> row : rows) {
            for (int i = 0; i < row.size() && i < targetColumns.size(); i++) {
                if (row.get(i) instanceof Parameter(int number)) {
                    PgType<?> type = unnest ? arrayType(targetColumns.get(i)) : naturalType(targetColumns.get(i));
                    oids[number - 1] = type.oid();
                }
            }
        }
        return oids;
    }

    /** The rows of one execution; a value the column cannot take fails with Postgres' SQLSTATE, naming the column. */
    public RowBatch bind(IngestTable target, List<BindValue> parameters)
            throws IngestException
    {
        List<IngestColumn> targetColumns = targetColumns(target);
        List<String> names = targetColumns.stream().map(IngestColumn::name).toList();
        return new RowBatch(table, names, unnest ? unnestRows(target, targetColumns, parameters) : valuesRows(target, targetColumns, parameters));
    }

    private List<IngestColumn> targetColumns(IngestTable target)
            throws IngestException
    {
        return columns.isPresent()
                ? target.columnList(columns.get())
                : target.columns();
    }

    private List<Object[]> valuesRows(IngestTable target, List<IngestColumn> targetColumns, List<BindValue> parameters)
            throws IngestException
    {
        List<Object[]> values = new ArrayList<>(rows.size());
        for (List<InsertCell> row : rows) {
            if (row.size() != targetColumns.size()) {
                throw new IngestException("42601", "INSERT has %s expressions than target columns".formatted(row.size() > targetColumns.size() ? "more" : "fewer"));
            }
            Object[] rowValues = new Object[row.size()];
            for (int i = 0; i < rowValues.length; i++) {
                rowValues[i] = cellValue(target, targetColumns.get(i), row.get(i), parameters);
            }
            values.add(rowValues);
        }
        return values;
    }

    private List<Object[]> unnestRows(IngestTable target, List<IngestColumn> targetColumns, List<BindValue> parameters)
            throws IngestException
    {
        List<InsertCell> arrays = rows.getFirst();
        if (arrays.size() != targetColumns.size()) {
            throw new IngestException("42601", "INSERT has %s expressions than target columns".formatted(arrays.size() > targetColumns.size() ? "more" : "fewer"));
        }
        List<List<?>> columnValues = new ArrayList<>(arrays.size());
        int rowCount = 0;
        for (int i = 0; i < arrays.size(); i++) {
            List<?> elements = arrayElements(targetColumns.get(i), arrays.get(i), parameters);
            columnValues.add(elements);
            rowCount = Math.max(rowCount, elements.size());
        }
        // unnest pads shorter arrays with NULLs, as in Postgres
        List<Object[]> values = new ArrayList<>(rowCount);
        for (int row = 0; row < rowCount; row++) {
            Object[] rowValues = new Object[arrays.size()];
            for (int i = 0; i < rowValues.length; i++) {
                List<?> elements = columnValues.get(i);
                rowValues[i] = ColumnValues.fromValue(target, targetColumns.get(i), row < elements.size() ? elements.get(row) : null);
            }
            values.add(rowValues);
        }
        return values;
    }

    private static Object cellValue(IngestTable target, IngestColumn column, InsertCell cell, List<BindValue> parameters)
            throws IngestException
    {
        return switch (cell) {
            case InsertCell.Text(String text) -> ColumnValues.fromText(target, column, text);
            case InsertCell.Value(Object value) -> ColumnValues.fromValue(target, column, value);
            case Parameter(int number) -> ColumnValues.fromValue(target, column, decode(column, parameters.get(number - 1), naturalType(column)));
            case InsertCell.Array(List<InsertCell> elements) -> {
                List<String> texts = new ArrayList<>(elements.size());
                for (InsertCell element : elements) {
                    texts.add(elementText(element, parameters));
                }
                yield ColumnValues.fromValue(target, column, texts);
            }
        };
    }

    private static List<?> arrayElements(IngestColumn column, InsertCell cell, List<BindValue> parameters)
            throws IngestException
    {
        if (column.type() == ColumnType.VARCHAR_ARRAY) {
            throw new IngestException("0A000", "INSERT … SELECT FROM unnest(…) into the array column %s is not supported; use VALUES".formatted(column.name()));
        }
        Object array = switch (cell) {
            case Parameter(int number) -> decode(column, parameters.get(number - 1), arrayType(column));
            case InsertCell.Text(String text) -> decodeText(column, arrayType(column), text);
            case InsertCell.Array(List<InsertCell> elements) -> {
                List<String> texts = new ArrayList<>(elements.size());
                for (InsertCell element : elements) {
                    texts.add(elementText(element, parameters));
                }
                yield texts;
            }
            case InsertCell.Value(Object value) -> value;
        };
        if (array == null) {
            return List.of();
        }
        if (!(array instanceof List<?> list)) {
            throw new IngestException("42804", "unnest argument for column %s is not an array".formatted(column.name()));
        }
        return list;
    }

    private static String elementText(InsertCell element, List<BindValue> parameters)
    {
        return switch (element) {
            case InsertCell.Text(String text) -> text;
            case InsertCell.Value(Object value) -> value == null ? null : value.toString();
            case Parameter(int number) -> {
                byte[] raw = parameters.get(number - 1).raw();
                yield raw == null ? null : new String(raw, UTF_8);
            }
            case InsertCell.Array _ -> throw new IllegalStateException("nested arrays are not parsed");
        };
    }

    private static Object decode(IngestColumn column, BindValue value, PgType<?> natural)
            throws IngestException
    {
        if (value.raw() == null) {
            return null;
        }
        PgType<?> type = value.declaredTypeOid() == 0 ? natural : PgType.byOid(value.declaredTypeOid())
                .orElseThrow(() -> new IngestException("42704", "type with OID %d does not exist".formatted(value.declaredTypeOid())));
        if (!value.binary()) {
            // text is read by the column's own type, whatever the client declared: Postgres' input function of the target
            return natural.elementOid() != 0 ? decodeText(column, natural, new String(value.raw(), UTF_8)) : new String(value.raw(), UTF_8);
        }
        try {
            return type.decodeBinary(value.raw());
        }
        catch (PgDataException e) {
            throw new IngestException(e.sqlState(), "%s (column %s)".formatted(e.getMessage(), column.name()), e);
        }
    }

    private static Object decodeText(IngestColumn column, PgType<?> type, String text)
            throws IngestException
    {
        try {
            return type.decodeText(text.getBytes(UTF_8));
        }
        catch (PgDataException e) {
            throw new IngestException(e.sqlState(), "%s (column %s)".formatted(e.getMessage(), column.name()), e);
        }
    }

    /** The Postgres type a value of the column travels as when the client does not say. */
    private static PgType<?> naturalType(IngestColumn column)
    {
        return switch (column.type()) {
            case VARCHAR -> PgType.VARCHAR;
            case JSON -> PgType.JSONB;
            case INTEGER -> PgType.INT4;
            case BIGINT -> PgType.INT8;
            case BOOLEAN -> PgType.BOOL;
            case TIMESTAMPTZ -> PgType.TIMESTAMPTZ;
            case DATE -> PgType.DATE;
            case VARCHAR_ARRAY -> PgType.TEXT_ARRAY;
        };
    }

    private static PgType<?> arrayType(IngestColumn column)
    {
        return switch (column.type()) {
            case VARCHAR, VARCHAR_ARRAY -> PgType.TEXT_ARRAY;
            case JSON -> PgType.JSONB_ARRAY;
            case INTEGER -> PgType.INT4_ARRAY;
            case BIGINT -> PgType.INT8_ARRAY;
            case BOOLEAN -> PgType.BOOL_ARRAY;
            case TIMESTAMPTZ -> PgType.TIMESTAMPTZ_ARRAY;
            case DATE -> PgType.DATE_ARRAY;
        };
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

    private static String stringText(StringValue string)
    {
        String prefix = string.getPrefix() == null ? "" : string.getPrefix().toUpperCase(Locale.ROOT);
        return switch (prefix) {
            case "" -> string.getNotExcapedValue();
            case "E" -> EscapeStrings.unescape(string.getValue());
            default -> throw new Unparsed();
        };
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

    private static int highestParameter(InsertCell cell)
    {
        return switch (cell) {
            case Parameter(int number) -> number;
            case InsertCell.Array(List<InsertCell> elements) -> elements.stream().mapToInt(IngestInsert::highestParameter).max().orElse(0);
            default -> 0;
        };
    }

    /** Identifiers as Postgres resolves them: quoted ones exactly, others folded to lower case. */
    private static String unquote(String identifier)
    {
        if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        return identifier.toLowerCase(Locale.ROOT);
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
