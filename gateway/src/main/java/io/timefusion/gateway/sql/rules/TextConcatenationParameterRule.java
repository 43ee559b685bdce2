package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;

import java.util.Optional;
import java.util.Set;

/**
 * A parameter sent without a type and concatenated with text ({@code 'pgb-' || $1 || '-' || $2}, as pgbench,
 * node-postgres and psycopg 3 send them): Postgres types it as text from the other operand, while Trino's DESCRIBE
 * INPUT cannot choose among the || operators (varchar, array, varbinary) and refuses the statement. The parameter
 * becomes {@code CAST($n AS varchar)}, so it is a text parameter, as in Postgres. Only where the other operand is
 * text as written (a string literal, a cast to a text type, another text concatenation): {@code hashes || $1}
 * stays for Trino to type from the array.
 */
public final class TextConcatenationParameterRule
        implements TranslationRule
{
    private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "character varying", "char", "character", "bpchar", "name");

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Concat concat)) {
            return Optional.empty();
        }
        boolean leftParameter = concat.getLeftExpression() instanceof JdbcParameter && isText(concat.getRightExpression());
        boolean rightParameter = concat.getRightExpression() instanceof JdbcParameter && isText(concat.getLeftExpression());
        if (!leftParameter && !rightParameter) {
            return Optional.empty();
        }
        if (leftParameter) {
            concat.setLeftExpression(CastRule.cast(concat.getLeftExpression(), "varchar"));
        }
        if (rightParameter) {
            concat.setRightExpression(CastRule.cast(concat.getRightExpression(), "varchar"));
        }
        return Optional.of(concat);
    }

    private static boolean isText(Expression expression)
    {
        return expression instanceof StringValue
                || expression instanceof CastExpression cast && cast.getColDataType() != null && TEXT_TYPES.contains(PostgresTypes.baseName(cast.getColDataType()))
                || expression instanceof Concat concat && (isText(concat.getLeftExpression()) || isText(concat.getRightExpression())
                        || concat.getLeftExpression() instanceof JdbcParameter || concat.getRightExpression() instanceof JdbcParameter);
    }
}
