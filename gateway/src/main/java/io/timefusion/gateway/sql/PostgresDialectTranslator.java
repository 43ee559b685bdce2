package io.timefusion.gateway.sql;

import com.google.inject.Inject;
import io.timefusion.gateway.sql.catalog.CatalogRelations;
import io.timefusion.gateway.sql.deparse.TrinoStatementPrinter;
import io.timefusion.gateway.sql.rules.BuiltInRules;
import io.timefusion.gateway.sql.session.ShowStatements;
import io.timefusion.gateway.sql.rules.TranslationRule;
import io.timefusion.gateway.sql.rules.TranslationRules;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Translates Postgres SQL into Trino SQL: JSqlParser parses the statement, and it is printed back as Trino SQL
 * with the translation rules applied to its expressions (rules bound by other modules first, then
 * {@link BuiltInRules}) and emulated catalog relations defined as common table expressions.
 *
 * <p>Queries and writes (SELECT, VALUES, INSERT, UPDATE, DELETE; UPDATE … FROM and DELETE … USING as MERGE) are translated; Postgres' SHOW becomes a query of
 * the session's setting ({@link ShowStatements}); any other statement the parser reads (DDL, Trino's own SHOW …
 * and DESCRIBE) goes to Trino as written, so that Trino answers or refuses it. Session functions (version(),
 * current_setting, …) become literals, so such a statement reaches Trino only as a query of constants.
 *
 * <p>When JSqlParser cannot read a statement, the translator cannot tell a Postgres construct it lacks from a
 * typo. A statement that does not even scan into tokens (an unterminated quote or comment, a stray character)
 * or does not begin with a statement keyword ({@link StatementKeywords}) is a syntax error (42601), as Postgres
 * would report it too; any other statement it cannot read is reported as not supported (0A000), since Postgres may
 * well accept it.
 */
public class PostgresDialectTranslator
        implements SqlTranslator
{
    private final CatalogRelations catalogRelations;
    private final TranslationRules rules;

    @Inject
    public PostgresDialectTranslator(CatalogRelations catalogRelations, Set<TranslationRule> boundRules)
    {
        this.catalogRelations = catalogRelations;
        List<TranslationRule> all = new ArrayList<>(boundRules);
        all.addAll(BuiltInRules.all());
        this.rules = new TranslationRules(all);
    }

    @Override
    public String toTrino(String postgresSql, TranslationContext context)
    {
        if (StatementSplitter.split(postgresSql).isEmpty()) {
            // nothing but comments and semicolons: Postgres answers it with EmptyQueryResponse
            return "";
        }
        Optional<String> show = ShowStatements.answer(postgresSql, context);
        if (show.isPresent()) {
            return show.get();
        }
        String normalized = EscapeStrings.decode(QualifiedIntervals.normalize(PostgresOnlySyntax.normalize(postgresSql)));
        Optional<DeleteUsingStatement> deleteUsing = DeleteUsingStatement.parse(normalized, PostgresDialectTranslator::parseQuery);
        if (deleteUsing.isPresent()) {
            return TrinoStatementPrinter.printDeleteUsing(deleteUsing.get().target(), deleteUsing.get().source(), deleteUsing.get().where(), rules, catalogRelations, context);
        }
        Statement statement = parse(normalized);
        if (statement == null) {
            // JSqlParser found no statement where the splitter saw one: as empty as the text above
            return "";
        }
        return switch (statement) {
            case Insert insert -> {
                DerivedDateColumn.addTo(insert);
                yield TrinoStatementPrinter.print(insert, rules, catalogRelations, context);
            }
            case Select _, Update _, Delete _ -> TrinoStatementPrinter.print(statement, rules, catalogRelations, context);
            default -> postgresSql;
        };
    }

    private static PlainSelect parseQuery(String sql)
    {
        if (parse(sql) instanceof PlainSelect query) {
            return query;
        }
        throw new SqlSyntaxException("syntax error in " + sql);
    }

    private static Statement parse(String sql)
    {
        try {
            return CCJSqlParserUtil.parse(sql);
        }
        catch (JSQLParserException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String reason = firstLine(cause.getMessage());
            if (cause instanceof TokenMgrException) {
                throw new SqlSyntaxException("syntax error: " + reason);
            }
            String keyword = StatementKind.firstKeyword(sql);
            if (!StatementKeywords.beginsAStatement(keyword)) {
                throw new SqlSyntaxException("syntax error at or near \"%s\"".formatted(keyword.isEmpty() ? sql.strip() : keyword));
            }
            throw new UnsupportedStatementException("statement not supported by the translator: " + reason);
        }
    }

    private static String firstLine(String message)
    {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
