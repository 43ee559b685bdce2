package io.timefusion.gateway.sql.catalog;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;

import java.util.Optional;

/** The text of a string literal in a catalog query. */
final class CatalogExpressions
{
    private CatalogExpressions() {}

    static Optional<String> stringLiteral(Expression expression)
    {
        return expression instanceof StringValue string ? Optional.of(string.getValue().replace("''", "'")) : Optional.empty();
    }
}
