package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.rules.FunctionNames;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names clients see for the columns of a query: Postgres names an unaliased function call after the function
 * ({@code version}, {@code count}), a SQL value keyword after itself ({@code session_user}), a cast after what it
 * casts ({@code (col)::text} is {@code col}) and CASE {@code case}, where Trino would say {@code _col0}. Clients
 * read columns by these names (pgAdmin reads {@code row['version']}), so the statement's own select list gets them
 * as aliases. Other expressions keep Trino's name where Postgres says {@code ?column?} or names a type.
 */
final class PostgresColumnNames
{
    private static final Set<String> SQL_VALUE_KEYWORDS = Set.of("current_user", "session_user", "user", "current_role", "current_catalog",
            "current_schema", "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp");
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    // Trino's reserved words: a name among them is quoted (Trino's documentation, "Reserved keywords")
    private static final Set<String> TRINO_RESERVED = Set.of("alter", "and", "as", "between", "by", "case", "cast", "constraint", "create", "cross",
            "cube", "current_catalog", "current_date", "current_path", "current_role", "current_schema", "current_time", "current_timestamp",
            "current_user", "deallocate", "delete", "describe", "distinct", "drop", "else", "end", "escape", "except", "execute", "exists", "extract",
            "false", "for", "from", "full", "group", "grouping", "having", "in", "inner", "insert", "intersect", "into", "is", "join", "json_array",
            "json_exists", "json_object", "json_query", "json_table", "json_value", "left", "like", "listagg", "localtime", "localtimestamp",
            "natural", "normalize", "not", "null", "on", "or", "order", "outer", "prepare", "recursive", "right", "rollup", "select", "skip",
            "table", "then", "trim", "true", "uescape", "union", "unnest", "using", "values", "when", "where", "with");

    private PostgresColumnNames() {}

    static void nameOutputColumns(Statement statement)
    {
        if (!(statement instanceof Select select)) {
            return;
        }
        Select first = select instanceof SetOperationList union ? union.getSelects().getFirst() : select;
        if (!(first instanceof PlainSelect plain)) {
            return;
        }
        for (SelectItem<?> item : plain.getSelectItems()) {
            if (item.getAlias() == null && !(item.getExpression() instanceof AllColumns) && !isNamedByTrino(item.getExpression())) {
                name(item.getExpression()).ifPresent(name -> item.setAlias(new Alias(identifier(name), true)));
            }
        }
    }

    // Trino names a column reference after the column, as Postgres does (not a subscripted one, which Postgres names
    // after the column too); the SQL value keywords parse as columns too
    private static boolean isNamedByTrino(Expression expression)
    {
        return expression instanceof Column column && column.getArrayConstructor() == null
                && (column.getTable() != null || !SQL_VALUE_KEYWORDS.contains(column.getColumnName().toLowerCase(Locale.ROOT)));
    }

    private static String identifier(String name)
    {
        return PLAIN_IDENTIFIER.matcher(name).matches() && !TRINO_RESERVED.contains(name) ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static Optional<String> name(Expression expression)
    {
        return switch (expression) {
            case Column column -> Optional.of(column.getColumnName().toLowerCase(Locale.ROOT));
            case Function function -> Optional.of(FunctionNames.of(function).replaceFirst("^.*\\.", ""));
            case CastExpression cast -> name(cast.getLeftExpression());
            case ParenthesedExpressionList<?> list when list.size() == 1 -> name(list.getFirst());
            case CaseExpression _ -> Optional.of("case");
            case ExtractExpression _ -> Optional.of("extract");
            case TimezoneExpression _ -> Optional.of("timezone");
            default -> Optional.empty();
        };
    }
}
