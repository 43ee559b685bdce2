package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.rules.TranslationRule;
import io.timefusion.gateway.sql.rules.Templates;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.schema.Column;

import java.util.Optional;
import java.util.regex.Pattern;

import static io.timefusion.gateway.sql.catalog.CatalogExpressions.stringLiteral;

/**
 * {@code c.oid = '16384'} and {@code pol.polroles <> '{0}'}: Postgres reads an untyped literal compared (= or <>)
 * with an oid (or oid[]) column as an oid (or an array of them); Trino does not compare integers with strings.
 * Applies where the column is one of the emulated catalog's oid or oid[] columns.
 */
public final class OidLiteralRule
        implements TranslationRule
{
    private static final Pattern DIGITS = Pattern.compile("\\s*\\d+\\s*");
    private static final Pattern DIGITS_ARRAY = Pattern.compile("\\s*\\{\\s*(\\d+\\s*(,\\s*\\d+\\s*)*)?}\\s*");

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof EqualsTo) && !(expression instanceof NotEqualsTo)) {
            return Optional.empty();
        }
        ComparisonOperator comparison = (ComparisonOperator) expression;
        Expression left = comparison.getLeftExpression();
        Expression right = comparison.getRightExpression();
        if (isOidColumn(left) && isDigits(right)) {
            return Optional.of(comparing(comparison, left, number(right)));
        }
        if (isOidColumn(right) && isDigits(left)) {
            return Optional.of(comparing(comparison, number(left), right));
        }
        if (isOidArrayColumn(left) && isDigitsArray(right)) {
            return Optional.of(comparing(comparison, left, numbers(right)));
        }
        if (isOidArrayColumn(right) && isDigitsArray(left)) {
            return Optional.of(comparing(comparison, numbers(left), right));
        }
        return Optional.empty();
    }

    private static Expression comparing(ComparisonOperator comparison, Expression left, Expression right)
    {
        return comparison instanceof EqualsTo ? new EqualsTo(left, right) : new NotEqualsTo(left, right);
    }

    private static boolean isOidColumn(Expression expression)
    {
        return expression instanceof Column column && EmulatedCatalog.isOidColumn(column.getColumnName().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isOidArrayColumn(Expression expression)
    {
        return expression instanceof Column column && EmulatedCatalog.isOidArrayColumn(column.getColumnName().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isDigitsArray(Expression expression)
    {
        return stringLiteral(expression).filter(text -> DIGITS_ARRAY.matcher(text).matches()).isPresent();
    }

    private static Expression numbers(Expression literal)
    {
        String elements = stringLiteral(literal).orElseThrow().strip();
        return Templates.expand("CAST(ARRAY[" + elements.substring(1, elements.length() - 1).strip() + "] AS integer[])");
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
