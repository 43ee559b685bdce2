package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;

import java.util.Optional;

/**
 * {@code LIKE}/{@code ILIKE} with Postgres semantics: ILIKE compares lower-cased text, and a pattern without an
 * ESCAPE clause escapes with backslash (Trino's LIKE has no escape character unless told).
 */
public final class ILikeRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof LikeExpression like)) {
            return Optional.empty();
        }
        LikeExpression.KeyWord keyword = like.getLikeKeyWord();
        if (keyword != LikeExpression.KeyWord.LIKE && keyword != LikeExpression.KeyWord.ILIKE) {
            throw new UnsupportedStatementException("feature not supported: " + keyword.toString().replace('_', ' '));
        }
        boolean caseInsensitive = keyword == LikeExpression.KeyWord.ILIKE;
        boolean needsEscape = like.getEscape() == null && !(like.getRightExpression() instanceof StringValue literal && !literal.getValue().contains("\\"));
        if (!caseInsensitive && !needsEscape) {
            return Optional.empty();
        }
        LikeExpression translated = new LikeExpression()
                .withLeftExpression(caseInsensitive ? new Function("lower", like.getLeftExpression()) : like.getLeftExpression())
                .withRightExpression(caseInsensitive ? new Function("lower", like.getRightExpression()) : like.getRightExpression())
                .withNot(like.isNot())
                .withEscape(like.getEscape() != null ? like.getEscape() : new StringValue("\\"));
        translated.setLikeKeyWord(LikeExpression.KeyWord.LIKE);
        return Optional.of(translated);
    }
}
