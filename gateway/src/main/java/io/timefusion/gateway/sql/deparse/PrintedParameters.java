package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.ParameterizedSql;
import io.timefusion.gateway.sql.ParameterizedSql.Placeholder;
import io.timefusion.gateway.sql.UndefinedParameterException;
import io.timefusion.gateway.trino.TrinoType;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.JdbcParameter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code $n} parameters of one statement as it is printed: where each is in the text, and the type of the casts
 * that print a parameter as their operand. Postgres gives a parameter the type of its cast ({@code $1::text[]} is a
 * text[] parameter, and a value sent as text for it is read as text[] input), which Trino's DESCRIBE INPUT does not.
 */
final class PrintedParameters
{
    private final List<Placeholder> placeholders = new ArrayList<>();
    private final Map<Integer, TrinoType> casts = new HashMap<>();
    private final Set<Integer> castToSeveralTypes = new HashSet<>();

    /** A parameter about to be printed at {@code offset}; only numbered ones ({@code $n}) are parameters of Postgres. */
    void printing(JdbcParameter parameter, int offset)
    {
        if (parameter.isUseFixedIndex() && parameter.getIndex() != null) {
            int number = UndefinedParameterException.checked(parameter.getIndex());
            placeholders.add(new Placeholder(offset, parameter.toString().length(), number));
        }
    }

    /** A cast printed as it is: when it casts a parameter, the parameter has the cast's type (unless cast to several). */
    void printing(CastExpression cast)
    {
        if (cast.getLeftExpression() instanceof JdbcParameter parameter && parameter.isUseFixedIndex() && parameter.getIndex() != null && cast.getColDataType() != null) {
            int number = parameter.getIndex();
            TrinoType type = TrinoType.parse(cast.getColDataType().toString());
            TrinoType previous = casts.putIfAbsent(number, type);
            if (previous != null && !previous.name().equals(type.name())) {
                castToSeveralTypes.add(number);
            }
        }
    }

    ParameterizedSql sql(String text)
    {
        return new ParameterizedSql(text, placeholders);
    }

    Map<Integer, TrinoType> casts()
    {
        Map<Integer, TrinoType> typed = new HashMap<>(casts);
        typed.keySet().removeAll(castToSeveralTypes);
        return Map.copyOf(typed);
    }
}
