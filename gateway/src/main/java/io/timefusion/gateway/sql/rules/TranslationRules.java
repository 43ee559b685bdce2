package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.Expression;

import java.util.List;
import java.util.Optional;

/** The rules of a translator, in the order they are tried. */
public record TranslationRules(List<TranslationRule> rules)
{
    public TranslationRules
    {
        rules = List.copyOf(rules);
    }

    /** The first replacement a rule other than {@code skipped} offers. */
    public Optional<Replacement> rewrite(Expression expression, TranslationContext context, Optional<TranslationRule> skipped)
    {
        for (TranslationRule rule : rules) {
            if (skipped.isPresent() && skipped.get() == rule) {
                continue;
            }
            Optional<Expression> replacement = rule.rewrite(expression, context);
            if (replacement.isPresent()) {
                return Optional.of(new Replacement(rule, replacement.get()));
            }
        }
        return Optional.empty();
    }

    public record Replacement(TranslationRule rule, Expression expression) {}
}
