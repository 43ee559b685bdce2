package io.timefusion.gateway.sql.catalog;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;

import java.util.Optional;

/** Literals of the catalog rules: the text of a string literal, and text quoted as one. */
final class CatalogExpressions
{
    private CatalogExpressions() {}

    static Optional<String> stringLiteral(Expression expression)
    {
        return expression instanceof StringValue string ? Optional.of(string.getValue().replace("''", "'")) : Optional.empty();
    }

    static String quoted(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }
}
