package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.OracleHierarchicalExpression;
import net.sf.jsqlparser.expression.operators.relational.SimilarToExpression;

import java.util.Optional;

/** Expressions JSqlParser reads that Trino has no equivalent for; refused by name instead of sent on. */
public final class UnsupportedSyntaxRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        String construct = switch (expression) {
            case SimilarToExpression _ -> "SIMILAR TO";
            case CollateExpression collate -> "COLLATE " + collate.getCollate();
            case OracleHierarchicalExpression _ -> "CONNECT BY";
            default -> null;
        };
        if (construct == null) {
            return Optional.empty();
        }
        throw new UnsupportedStatementException("feature not supported: " + construct);
    }
}
