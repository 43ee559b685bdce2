package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GREATEST(a, b, …)} and {@code LEAST}: Postgres ignores NULL arguments (NULL only when all are), Trino
 * answers NULL as soon as one is. Each argument is replaced by the first non-null of itself and the others, which
 * changes no non-null argument and puts some non-null one in place of each null.
 */
public final class GreatestLeastRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function) || function.getParameters() == null
                || !(FunctionNames.is(function, "greatest") || FunctionNames.is(function, "least"))) {
            return Optional.empty();
        }
        List<Expression> arguments = List.copyOf(function.getParameters());
        if (arguments.size() == 1) {
            return Optional.of(arguments.getFirst());
        }
        List<Expression> nonNull = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            List<Expression> preferred = new ArrayList<>(arguments);
            preferred.addFirst(preferred.remove(i));
            nonNull.add(new TrinoFunction("coalesce", preferred.toArray(Expression[]::new)));
        }
        return Optional.of(new TrinoFunction(FunctionNames.of(function), nonNull.toArray(Expression[]::new)));
    }
}
