package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.rules.TranslationRule;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;

import java.util.Optional;
import java.util.regex.Pattern;

import static io.timefusion.gateway.sql.catalog.CatalogExpressions.stringLiteral;

/**
 * {@code c.oid = '16384'}: Postgres reads an untyped literal compared with an oid column as an oid; Trino does not
 * compare integers with strings. Applies where the column is one of the emulated catalog's oid columns.
 */
public final class OidLiteralRule
        implements TranslationRule
{
    private static final Pattern DIGITS = Pattern.compile("\\s*\\d+\\s*");

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof EqualsTo equals)) {
            return Optional.empty();
        }
        if (isOidColumn(equals.getLeftExpression()) && isDigits(equals.getRightExpression())) {
            return Optional.of(new EqualsTo(equals.getLeftExpression(), number(equals.getRightExpression())));
        }
        if (isOidColumn(equals.getRightExpression()) && isDigits(equals.getLeftExpression())) {
            return Optional.of(new EqualsTo(number(equals.getLeftExpression()), equals.getRightExpression()));
        }
        return Optional.empty();
    }

    private static boolean isOidColumn(Expression expression)
    {
        return expression instanceof Column column && EmulatedCatalog.isOidColumn(column.getColumnName().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isDigits(Expression expression)
    {
        return stringLiteral(expression).filter(text -> DIGITS.matcher(text).matches()).isPresent();
    }

    private static LongValue number(Expression literal)
    {
        return new LongValue(Long.parseLong(stringLiteral(literal).orElseThrow().strip()));
    }
}
