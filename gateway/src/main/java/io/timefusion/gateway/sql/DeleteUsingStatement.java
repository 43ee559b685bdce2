package io.timefusion.gateway.sql;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.PlainSelect;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DELETE FROM target [[AS] alias] USING relation WHERE condition}: JSqlParser's DELETE takes only table names
 * after USING, while Postgres takes any relation (a subquery of unnested parameters, a function). The statement is read
 * as the query {@code SELECT * FROM target, relation WHERE condition}, which JSqlParser reads in full; its parts are the
 * DELETE's.
 */
record DeleteUsingStatement(Table target, FromItem source, Optional<Expression> where)
{
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final Pattern DELETE_USING = Pattern.compile(
            "(?is)\\s*DELETE\\s+FROM\\s+(?<target>(?:ONLY\\s+)?" + NAME + "(?:\\s*\\.\\s*" + NAME + ")*)(?<alias>\\s+(?:AS\\s+)?(?!USING\\b)" + NAME + ")?\\s+USING\\s+(?<rest>.+)");

    /** The statement's parts when it is a DELETE … USING, else empty. */
    static Optional<DeleteUsingStatement> parse(String sql, Function<String, PlainSelect> parseQuery)
    {
        Matcher matcher = DELETE_USING.matcher(sql);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String target = matcher.group("target").replaceFirst("(?i)^ONLY\\s+", "");
        String alias = matcher.group("alias") == null ? "" : matcher.group("alias");
        PlainSelect query = parseQuery.apply("SELECT * FROM " + target + alias + ", " + matcher.group("rest"));
        if (query.getJoins() == null || query.getJoins().size() != 1 || !query.getJoins().getFirst().isSimple()) {
            throw new UnsupportedStatementException("DELETE … USING with more than one relation is not supported; join them in a subquery");
        }
        if (query.getGroupBy() != null || query.getOrderByElements() != null || query.getLimit() != null || query.getHaving() != null) {
            throw new SqlSyntaxException("syntax error: DELETE … USING takes a WHERE condition only");
        }
        return Optional.of(new DeleteUsingStatement((Table) query.getFromItem(), query.getJoins().getFirst().getFromItem(), Optional.ofNullable(query.getWhere())));
    }
}
