package io.timefusion.gateway.sql.rules;

import java.util.List;

/** The translator's own rules, in the order they are tried. */
public final class BuiltInRules
{
    private BuiltInRules() {}

    public static List<TranslationRule> all()
    {
        return List.of(
                new RegexMatchRule(),
                new AnyArrayRule());
    }
}
