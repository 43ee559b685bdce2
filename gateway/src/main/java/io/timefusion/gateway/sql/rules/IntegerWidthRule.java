package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;

import java.util.Optional;
import java.util.Set;

/**
 * Functions that count in Postgres' integer (int4) where Trino's namesakes answer bigint: the result is cast to
 * integer, so that a client sees the column type Postgres would send (pgjdbc's getInt/getLong and psycopg's
 * type adaptation follow it).
 */
public final class IntegerWidthRule
        implements TranslationRule
{
    private static final Set<String> INTEGER_FUNCTIONS = Set.of("cardinality", "length", "strpos");

    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function) || !INTEGER_FUNCTIONS.contains(FunctionNames.of(function))
                || function.getParameters() == null) {
            return Optional.empty();
        }
        Function trino = new TrinoFunction(FunctionNames.of(function), function.getParameters().toArray(Expression[]::new));
        return Optional.of(CastRule.cast(trino, "integer"));
    }
}
