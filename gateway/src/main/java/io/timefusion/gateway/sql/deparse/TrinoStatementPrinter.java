package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.ParameterizedSql;
import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.catalog.CatalogRelations;
import io.timefusion.gateway.sql.rules.TranslationRules;
import io.timefusion.gateway.trino.TrinoType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Prints one parsed Postgres statement as Trino SQL, with the translation rules applied to its expressions. */
public final class TrinoStatementPrinter
{
    private TrinoStatementPrinter() {}

    /**
     * The Trino statement with the places of its parameters, the types of the parameters it casts, the tables it reads
     * (lower case, without catalog and schema) and whether it is deterministic.
     */
    public record PrintedStatement(ParameterizedSql sql, Map<Integer, TrinoType> parameterCasts, Set<String> tablesRead, boolean deterministic) {}

    /** The deparsers of one statement, writing into one builder. */
    private record Printer(StringBuilder builder, CatalogReferences catalog, PrintedParameters parameters, PrintedReads reads, TrinoExpressionDeParser expressions,
            TrinoSelectDeParser selects, StatementDeParser statements)
    {
        static Printer create(TranslationRules rules, CatalogRelations relations, TranslationContext context, Optional<Select> statementQuery)
        {
            StringBuilder builder = new StringBuilder();
            CatalogReferences catalog = new CatalogReferences(relations, context);
            PrintedParameters parameters = new PrintedParameters();
            PrintedReads reads = new PrintedReads();
            TrinoExpressionDeParser expressions = new TrinoExpressionDeParser(rules, context, parameters, reads);
            TrinoSelectDeParser selects = new TrinoSelectDeParser(catalog, context, statementQuery, reads);
            return new Printer(builder, catalog, parameters, reads, expressions, selects, new StatementDeParser(expressions, selects, builder));
        }

        PrintedStatement printed()
        {
            return new PrintedStatement(catalog.defineIn(parameters.sql(builder.toString())), parameters.casts(), reads.tables(), reads.deterministic());
        }
    }

    public static PrintedStatement print(Statement statement, TranslationRules rules, CatalogRelations relations, TranslationContext context)
    {
        Optional<Select> query = switch (statement) {
            case Select select -> Optional.of(select);
            case Insert insert -> Optional.ofNullable(insert.getSelect());
            default -> Optional.empty();
        };
        Printer printer = Printer.create(rules, relations, context, query);
        PostgresColumnNames.nameOutputColumns(statement);
        switch (statement) {
            case Update update when RowChangeStatements.needsMerge(update) -> RowChangeStatements.printUpdate(update, printer.expressions(), printer.selects(), printer.builder());
            case Delete delete when RowChangeStatements.needsMerge(delete) -> RowChangeStatements.printDelete(delete, printer.expressions(), printer.selects(), printer.builder());
            default -> statement.accept(printer.statements());
        }
        return printer.printed();
    }

    /** {@code DELETE FROM target USING source WHERE …} with a source JSqlParser's DELETE cannot hold (a subquery, a function). */
    public static PrintedStatement printDeleteUsing(Table target, FromItem source, Optional<Expression> where, TranslationRules rules, CatalogRelations relations,
            TranslationContext context)
    {
        Printer printer = Printer.create(rules, relations, context, Optional.empty());
        RowChangeStatements.printDeleteUsing(target, Optional.of(source), where, printer.expressions(), printer.selects(), printer.builder());
        return printer.printed();
    }
}
