package io.timefusion.gateway.sql;

import com.google.inject.Inject;
import io.timefusion.gateway.ingest.IngestInsert;
import io.timefusion.gateway.ingest.IngestInserts;
import io.timefusion.gateway.sql.TranslatedStatement.Writes;
import io.timefusion.gateway.sql.catalog.CatalogRelations;
import io.timefusion.gateway.sql.deparse.TrinoStatementPrinter;
import io.timefusion.gateway.sql.deparse.TrinoStatementPrinter.PrintedStatement;
import io.timefusion.gateway.sql.rules.BuiltInRules;
import io.timefusion.gateway.sql.session.ShowStatements;
import io.timefusion.gateway.sql.rules.TranslationRule;
import io.timefusion.gateway.sql.rules.TranslationRules;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
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
 * the session's setting ({@link ShowStatements}); an INSERT of rows the gateway writes itself keeps its rows' shape
 * instead; transaction control, SET, COPY and CALL are the gateway's own; any other statement the parser reads (DDL,
 * Trino's own SHOW … and DESCRIBE) goes to Trino as written, so that Trino answers or refuses it. Session functions (version(),
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
    private final IngestInserts ingestInserts;

    @Inject
    public PostgresDialectTranslator(CatalogRelations catalogRelations, Set<TranslationRule> boundRules, IngestInserts ingestInserts)
    {
        this.catalogRelations = catalogRelations;
        this.ingestInserts = ingestInserts;
        List<TranslationRule> all = new ArrayList<>(boundRules);
        all.addAll(BuiltInRules.all());
        this.rules = new TranslationRules(all);
    }

    @Override
    public TranslatedStatement translate(String postgresSql, TranslationContext context)
    {
        if (StatementSplitter.split(postgresSql).isEmpty()) {
            return TranslatedStatement.empty(postgresSql);
        }
        StatementKind kind = StatementKind.of(postgresSql);
        if (kind.isOwnStatement()) {
            return TranslatedStatement.ownStatement(kind, postgresSql);
        }
        Optional<String> show = ShowStatements.answer(postgresSql, context);
        if (show.isPresent()) {
            return TranslatedStatement.constantQuery(postgresSql, show.get());
        }
        if (kind == StatementKind.INSERT) {
            Optional<IngestInsert> scanned = ingestInserts.scan(postgresSql);
            if (scanned.isPresent()) {
                return TranslatedStatement.ingest(postgresSql, scanned.get());
            }
        }
        String normalized = EscapeStrings.decode(QualifiedIntervals.normalize(PostgresOnlySyntax.normalize(postgresSql)));
        Optional<DeleteUsingStatement> deleteUsing = DeleteUsingStatement.parse(normalized, PostgresDialectTranslator::parseQuery);
        if (deleteUsing.isPresent()) {
            DeleteUsingStatement delete = deleteUsing.get();
            PrintedStatement printed = TrinoStatementPrinter.printDeleteUsing(delete.target(), delete.source(), delete.where(), rules, catalogRelations, context);
            return translated(StatementKind.DELETE, postgresSql, printed, writesTo(delete.target()), Optional.empty());
        }
        Statement statement = parse(normalized);
        if (statement == null) {
            // JSqlParser found no statement where the splitter saw one: as empty as the text above
            return TranslatedStatement.empty(postgresSql);
        }
        return switch (statement) {
            case Insert insert -> insert(postgresSql, insert, context);
            case Select _ -> translated(StatementKind.QUERY, postgresSql, statement, context, new Writes.Nothing());
            case Update update -> translated(StatementKind.UPDATE, postgresSql, statement, context, writesTo(update.getTable()));
            case Delete delete -> translated(StatementKind.DELETE, postgresSql, statement, context, writesTo(delete.getTable()));
            default -> TranslatedStatement.passedThrough(kind, postgresSql, passedThroughWrites(kind, statement));
        };
    }

    private TranslatedStatement insert(String postgresSql, Insert insert, TranslationContext context)
    {
        Optional<IngestInsert> rows = IngestInserts.of(insert);
        if (rows.isPresent()) {
            return TranslatedStatement.ingest(postgresSql, rows.get());
        }
        Optional<InsertTargets> targets = InsertTargets.of(insert);
        DerivedDateColumn.addTo(insert);
        PrintedStatement printed = TrinoStatementPrinter.print(insert, rules, catalogRelations, context);
        return translated(StatementKind.INSERT, postgresSql, printed, writesTo(insert.getTable()), targets);
    }

    private TranslatedStatement translated(StatementKind kind, String postgresSql, Statement statement, TranslationContext context, Writes writes)
    {
        PrintedStatement printed = TrinoStatementPrinter.print(statement, rules, catalogRelations, context);
        return translated(kind, postgresSql, printed, writes, Optional.empty());
    }

    private static TranslatedStatement translated(StatementKind kind, String postgresSql, PrintedStatement printed, Writes writes, Optional<InsertTargets> insertTargets)
    {
        return new TranslatedStatement(kind, postgresSql, printed.sql(), Optional.of(printed.tablesRead()), writes, printed.deterministic(), printed.parameterCasts(),
                insertTargets, Optional.empty());
    }

    private static Writes writesTo(Table table)
    {
        return new Writes.Table(Identifiers.normalize(table.getName()));
    }

    /** A statement Trino reads as written: a query changes nothing (but EXPLAIN ANALYZE runs what it explains), a MERGE its target, anything else anything. */
    private static Writes passedThroughWrites(StatementKind kind, Statement statement)
    {
        return switch (statement) {
            case ExplainStatement explain when explain.getOption(ExplainStatement.OptionType.ANALYZE) != null -> new Writes.Unknown();
            case Merge merge -> writesTo(merge.getTable());
            default -> kind == StatementKind.QUERY ? new Writes.Nothing() : new Writes.Unknown();
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
