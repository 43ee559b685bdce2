package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.Expression;

import java.util.Optional;

/**
 * One Postgres construct and its Trino equivalent. The printer offers every expression it is about to print to
 * the rules in turn; the first rule that answers replaces it. The replacement is offered again to the other rules
 * (never to the rule that made it), and the expressions it contains are offered to all rules in their turn: a rule
 * rewrites only its own construct and keeps the Postgres sub-expressions it was given.
 *
 * <p>To add a rule: implement this interface for the node class JSqlParser parses the construct into (see
 * {@code TrinoExpressionDeParser} for the classes offered), answer empty for any other expression, throw
 * {@link io.timefusion.gateway.sql.UnsupportedStatementException} for forms that have no faithful Trino
 * equivalent, and add it to {@link BuiltInRules} or, from another package, bind it with
 * {@code Multibinder.newSetBinder(binder, TranslationRule.class)} (bound rules are tried first).
 */
public interface TranslationRule
{
    Optional<Expression> rewrite(Expression expression, TranslationContext context);
}
