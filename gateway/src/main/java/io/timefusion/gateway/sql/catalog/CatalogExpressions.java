package io.timefusion.gateway.sql.catalog;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

import java.util.List;
import java.util.Optional;

/**
 * Builds the replacement expressions of the catalog rules from SQL templates: the arguments they keep are printed
 * back as the Postgres SQL they were parsed from, so the translator still offers them to every rule.
 */
final class CatalogExpressions
{
    private CatalogExpressions() {}

    static Expression parse(String template, Expression... arguments)
    {
        Object[] printed = java.util.Arrays.stream(arguments).map(argument -> "(" + argument + ")").toArray();
        String sql = template.formatted(printed);
        try {
            return CCJSqlParserUtil.parseExpression(sql, false);
        }
        catch (JSQLParserException e) {
            throw new IllegalStateException("catalog rule built SQL it cannot parse: " + sql, e);
        }
    }

    static List<Expression> arguments(Function function)
    {
        return function.getParameters() == null ? List.of() : List.copyOf(function.getParameters());
    }

    static Optional<String> stringLiteral(Expression expression)
    {
        return expression instanceof StringValue string ? Optional.of(string.getValue().replace("''", "'")) : Optional.empty();
    }

    static String quoted(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }
}
