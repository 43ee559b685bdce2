package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

import java.util.Optional;

/**
 * {@code project_id = $1::uuid} and {@code project_id IN ($1::uuid, …)}: the table keeps ids as varchar, which
 * Trino does not compare with a uuid, so a uuid cast compared with anything but another uuid cast is compared as
 * its canonical text (what Postgres' uuid
 * output is, and how the ids are stored). Elsewhere a {@code ::uuid} stays a uuid, as the client asked.
 */
public final class UuidComparisonRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (expression instanceof InExpression in && in.getRightExpression() instanceof ExpressionList<?> list) {
            return inList(in, list);
        }
        if (!(expression instanceof ComparisonOperator comparison)) {
            return Optional.empty();
        }
        boolean leftUuid = isUuidCast(comparison.getLeftExpression());
        boolean rightUuid = isUuidCast(comparison.getRightExpression());
        if (leftUuid == rightUuid) {
            return Optional.empty();
        }
        Expression left = leftUuid ? CastRule.cast(comparison.getLeftExpression(), "varchar") : comparison.getLeftExpression();
        Expression right = rightUuid ? CastRule.cast(comparison.getRightExpression(), "varchar") : comparison.getRightExpression();
        return Optional.of(Templates.expand("{0} " + comparison.getStringExpression() + " {1}", left, right));
    }

    private static Optional<Expression> inList(InExpression in, ExpressionList<?> list)
    {
        boolean leftUuid = isUuidCast(in.getLeftExpression());
        if (leftUuid ? list.stream().allMatch(UuidComparisonRule::isUuidCast) : list.stream().noneMatch(UuidComparisonRule::isUuidCast)) {
            return Optional.empty();
        }
        ParenthesedExpressionList<Expression> asText = new ParenthesedExpressionList<>();
        list.forEach(item -> asText.add(isUuidCast(item) ? CastRule.cast(item, "varchar") : item));
        InExpression copy = SyntaxNodes.copyInto(in, new InExpression());
        copy.setLeftExpression(leftUuid ? CastRule.cast(in.getLeftExpression(), "varchar") : in.getLeftExpression());
        copy.setRightExpression(asText);
        return Optional.of(copy);
    }

    private static boolean isUuidCast(Expression expression)
    {
        return expression instanceof CastExpression cast && cast.getColDataType() != null && !TrinoTypeName.isTrinoCast(cast)
                && !PostgresTypes.isArray(cast.getColDataType()) && PostgresTypes.baseName(cast.getColDataType()).equals("uuid");
    }
}
