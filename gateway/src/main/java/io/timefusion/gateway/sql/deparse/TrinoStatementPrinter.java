package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.catalog.CatalogRelations;
import io.timefusion.gateway.sql.rules.TranslationRules;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

import java.util.Optional;

/** Prints one parsed Postgres statement as Trino SQL, with the translation rules applied to its expressions. */
public final class TrinoStatementPrinter
{
    private TrinoStatementPrinter() {}

    /** The deparsers of one statement, writing into one builder. */
    private record Printer(StringBuilder builder, CatalogReferences catalog, TrinoExpressionDeParser expressions, TrinoSelectDeParser selects, StatementDeParser statements)
    {
        static Printer create(TranslationRules rules, CatalogRelations relations, TranslationContext context)
        {
            StringBuilder builder = new StringBuilder();
            CatalogReferences catalog = new CatalogReferences(relations, context);
            TrinoExpressionDeParser expressions = new TrinoExpressionDeParser(rules, context);
            TrinoSelectDeParser selects = new TrinoSelectDeParser(catalog, context);
            return new Printer(builder, catalog, expressions, selects, new StatementDeParser(expressions, selects, builder));
        }

        String trinoSql()
        {
            return catalog.defineIn(builder.toString());
        }
    }

    public static String print(Statement statement, TranslationRules rules, CatalogRelations relations, TranslationContext context)
    {
        Printer printer = Printer.create(rules, relations, context);
        PostgresColumnNames.nameOutputColumns(statement);
        switch (statement) {
            case Update update when RowChangeStatements.needsMerge(update) -> RowChangeStatements.printUpdate(update, printer.expressions(), printer.selects(), printer.builder());
            case Delete delete when RowChangeStatements.needsMerge(delete) -> RowChangeStatements.printDelete(delete, printer.expressions(), printer.selects(), printer.builder());
            default -> statement.accept(printer.statements());
        }
        return printer.trinoSql();
    }

    /** {@code DELETE FROM target USING source WHERE …} with a source JSqlParser's DELETE cannot hold (a subquery, a function). */
    public static String printDeleteUsing(Table target, FromItem source, Optional<Expression> where, TranslationRules rules, CatalogRelations relations, TranslationContext context)
    {
        Printer printer = Printer.create(rules, relations, context);
        RowChangeStatements.printDeleteUsing(target, Optional.of(source), where, printer.expressions(), printer.selects(), printer.builder());
        return printer.trinoSql();
    }
}
