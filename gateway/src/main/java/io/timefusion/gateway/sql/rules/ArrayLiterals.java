package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.UnsupportedStatementException;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

import java.util.ArrayList;
import java.util.List;

/** Postgres' array text {@code '{a,"b c",NULL}'} as a Trino {@code CAST(ARRAY[…] AS array(t))} of one dimension. */
final class ArrayLiterals
{
    private ArrayLiterals() {}

    /**
     * Untyped array text where an array is expected ({@code id = ANY('{a,b}')}, {@code hashes && '{a,b}'}): Postgres
     * reads it as an array of the other side's element type; the table's arrays are of text, and its ids are text.
     */
    static Expression untyped(Expression expression)
    {
        if (expression instanceof StringValue text && text.getPrefix() == null && text.getValue().strip().startsWith("{") && text.getValue().strip().endsWith("}")
                && !text.getValue().contains(":")) {
            return of(text.getValue().replace("''", "'"), "array(varchar)");
        }
        return expression;
    }

    static Expression of(String text, String trinoArrayType)
    {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new UnsupportedStatementException("array literal '%s' is not supported".formatted(text));
        }
        List<Expression> elements = new ArrayList<>();
        String body = trimmed.substring(1, trimmed.length() - 1);
        int i = 0;
        while (i < body.length()) {
            while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            StringBuilder element = new StringBuilder();
            boolean quoted = i < body.length() && body.charAt(i) == '"';
            if (quoted) {
                i++;
                while (i < body.length() && body.charAt(i) != '"') {
                    if (body.charAt(i) == '\\' && i + 1 < body.length()) {
                        i++;
                    }
                    element.append(body.charAt(i++));
                }
                i++;
            }
            else {
                while (i < body.length() && body.charAt(i) != ',') {
                    if (body.charAt(i) == '{') {
                        throw new UnsupportedStatementException("multi-dimensional array literal '%s' is not supported".formatted(text));
                    }
                    element.append(body.charAt(i++));
                }
            }
            String value = quoted ? element.toString() : element.toString().strip();
            elements.add(!quoted && value.equalsIgnoreCase("NULL") ? new NullValue() : new StringValue(value.replace("'", "''")));
            while (i < body.length() && body.charAt(i) != ',') {
                i++;
            }
            i++;
        }
        return CastRule.cast(new ArrayConstructor(new ExpressionList<>(elements), true), trinoArrayType);
    }
}
