package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

import java.util.List;
import java.util.Optional;

/**
 * The Timescale toolkit names the main client uses, mapped to Trino built-ins: {@code percentile_agg} is a
 * t-digest and {@code approx_percentile(q, digest)} reads it; {@code approx_count_distinct} is a HyperLogLog and
 * {@code distinct_count} reads it. Trino's own {@code approx_percentile(x, q)} (value first) is left alone.
 * {@code time_bucket} stays a call (a plugin function) with its interval text read as an interval literal.
 */
public final class TimescaleFunctionRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (!(expression instanceof Function function)) {
            return Optional.empty();
        }
        List<Expression> arguments = FunctionArguments.of(function);
        return switch (FunctionNames.of(function)) {
            case "percentile_agg" -> Optional.of(Templates.expand("tdigest_agg(CAST({0} AS double))", single(function, arguments)));
            case "approx_percentile" -> arguments.size() == 2 && isDigest(arguments.get(1))
                    ? Optional.of(Templates.expand("value_at_quantile({1}, {0})", arguments.get(0), arguments.get(1)))
                    : Optional.empty();
            case "approx_count_distinct" -> Optional.of(Templates.expand("approx_set({0})", single(function, arguments)));
            case "distinct_count" -> Optional.of(Templates.expand("cardinality({0})", single(function, arguments)));
            case "make_array" -> Optional.of(new ArrayConstructor(new ExpressionList<>(arguments), true));
            case "array_element" -> arguments.size() == 2 ? Optional.of(Templates.expand("element_at({0}, {1})", arguments.get(0), arguments.get(1))) : Optional.empty();
            case "time_bucket" -> arguments.size() >= 2 && arguments.getFirst() instanceof StringValue width
                    ? Optional.of(withFirstArgument(function, Intervals.literal(width.getValue())))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean isDigest(Expression expression)
    {
        return expression instanceof Function function && FunctionNames.is(function, "percentile_agg");
    }

    private static Expression single(Function function, List<Expression> arguments)
    {
        if (arguments.size() != 1) {
            throw new UnsupportedStatementException("%s takes one argument".formatted(FunctionNames.of(function)));
        }
        return arguments.getFirst();
    }

    private static Function withFirstArgument(Function function, Expression first)
    {
        List<Expression> arguments = new java.util.ArrayList<>(function.getParameters());
        arguments.set(0, first);
        return new Function(function.getName(), arguments.toArray(Expression[]::new));
    }
}
