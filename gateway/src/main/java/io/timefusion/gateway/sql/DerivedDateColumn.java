package io.timefusion.gateway.sql;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;

import java.util.List;

/**
 * docs/storage.md: the {@code date} partition column of otel_logs_and_spans is the UTC day of {@code timestamp}, so a
 * client INSERT names only {@code timestamp}. Trino has no column defaults and the column is NOT NULL there, so an
 * INSERT that names its columns without {@code date} gets it computed from the rows it inserts. (INSERTs the
 * gateway turns into row batches never reach this: the plugin's batch decoder derives the column itself.)
 */
final class DerivedDateColumn
{
    private static final String TABLE = "otel_logs_and_spans";
    private static final String DATE = "date";
    private static final String TIMESTAMP = "timestamp";
    private static final String SOURCE = "inserted_rows";

    private DerivedDateColumn() {}

    static void addTo(Insert insert)
    {
        if (!targetsTheTable(insert.getTable()) || insert.getColumns() == null) {
            return;
        }
        List<String> columns = insert.getColumns().stream().map(column -> Identifiers.folded(column.getColumnName())).toList();
        if (columns.contains(DATE) || !columns.contains(TIMESTAMP)) {
            return;
        }
        PlainSelect withDate = new PlainSelect()
                .withFromItem(new ParenthesedSelect()
                        .withSelect(insert.getSelect())
                        .withAlias(new Alias(SOURCE, true).addAliasColumns(columns.stream().map(DerivedDateColumn::quoted).toArray(String[]::new))));
        for (String column : columns) {
            withDate.addSelectItem(new Column(new Table(SOURCE), quoted(column)));
        }
        withDate.addSelectItem(utcDay());
        insert.addColumns(new Column(quoted(DATE)));
        insert.setSelect(withDate);
    }

    private static boolean targetsTheTable(Table table)
    {
        String schema = table.getSchemaName() == null ? "public" : Identifiers.folded(table.getSchemaName());
        return schema.equals("public") && Identifiers.folded(table.getName()).equals(TABLE);
    }

    private static Expression utcDay()
    {
        try {
            return CCJSqlParserUtil.parseExpression("CAST(at_timezone(%s.\"%s\", 'UTC') AS date)".formatted(SOURCE, TIMESTAMP));
        }
        catch (JSQLParserException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String name)
    {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
