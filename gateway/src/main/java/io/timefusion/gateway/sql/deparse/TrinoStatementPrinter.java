package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.catalog.CatalogRelations;
import io.timefusion.gateway.sql.rules.TranslationRules;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/** Prints one parsed Postgres statement as Trino SQL, with the translation rules applied to its expressions. */
public final class TrinoStatementPrinter
{
    private TrinoStatementPrinter() {}

    public static String print(Statement statement, TranslationRules rules, CatalogRelations relations, TranslationContext context)
    {
        StringBuilder builder = new StringBuilder();
        CatalogReferences catalog = new CatalogReferences(relations, context);
        TrinoExpressionDeParser expressions = new TrinoExpressionDeParser(rules, context);
        TrinoSelectDeParser selects = new TrinoSelectDeParser(catalog, context);
        PostgresColumnNames.nameOutputColumns(statement);
        statement.accept(new StatementDeParser(expressions, selects, builder));
        return catalog.defineIn(builder.toString());
    }
}
