package io.timefusion.gateway.sql.rules;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;

import java.util.List;

/** The arguments of a function call; JSqlParser has no list at all for a call without arguments. */
public final class FunctionArguments
{
    private FunctionArguments() {}

    public static List<Expression> of(Function function)
    {
        return function.getParameters() == null ? List.of() : List.copyOf(function.getParameters());
    }
}
