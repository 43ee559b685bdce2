package io.timefusion.gateway.sql.rules;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;

/**
 * A call of Trino's own function (made by a rule or written in a {@link Templates template}), which no rule
 * translates again: {@link TranslationRules} offers it to none.
 */
final class TrinoFunction
        extends Function
{
    TrinoFunction() {}

    TrinoFunction(String name, Expression... arguments)
    {
        super(name, arguments);
    }
}
