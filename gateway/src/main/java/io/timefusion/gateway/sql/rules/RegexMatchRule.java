package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperatorType;

import java.util.Optional;

/**
 * Postgres' regular-expression operators {@code ~ ~* !~ !~*} become {@code regexp_like}; the case-insensitive
 * ones put the {@code (?i)} flag before the pattern.
 */
public final class RegexMatchRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof RegExpMatchOperator match)) {
            return Optional.empty();
        }
        RegExpMatchOperatorType type = match.getOperatorType();
        boolean caseInsensitive = type == RegExpMatchOperatorType.MATCH_CASEINSENSITIVE || type == RegExpMatchOperatorType.NOT_MATCH_CASEINSENSITIVE;
        boolean negated = type == RegExpMatchOperatorType.NOT_MATCH_CASESENSITIVE || type == RegExpMatchOperatorType.NOT_MATCH_CASEINSENSITIVE;
        Expression pattern = caseInsensitive ? caseInsensitive(match.getRightExpression()) : match.getRightExpression();
        Expression like = new Function("regexp_like", match.getLeftExpression(), pattern);
        return Optional.of(negated ? new NotExpression(like) : like);
    }

    private static Expression caseInsensitive(Expression pattern)
    {
        if (pattern instanceof StringValue literal && literal.getPrefix() == null) {
            return new StringValue("(?i)" + literal.getValue());
        }
        return new Concat(new StringValue("(?i)"), pattern);
    }
}
