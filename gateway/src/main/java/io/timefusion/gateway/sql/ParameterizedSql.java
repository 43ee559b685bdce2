package io.timefusion.gateway.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static java.util.Objects.requireNonNull;

/**
 * Trino SQL with the places of its {@code $n} parameters, recorded while the translator printed it: binding writes
 * each value's literal at its place without reading the text again.
 *
 * @param placeholders in the order they appear in {@code sql}
 */
public record ParameterizedSql(String sql, List<Placeholder> placeholders)
{
    /** {@code $number} at {@code offset}, {@code length} characters long. */
    public record Placeholder(int offset, int length, int number) {}

    public ParameterizedSql
    {
        requireNonNull(sql, "sql is null");
        placeholders = List.copyOf(placeholders);
    }

    public static ParameterizedSql of(String sql)
    {
        return new ParameterizedSql(sql, List.of());
    }

    /** The highest parameter number, 0 when there is none: how many values a Bind must supply. */
    public int parameterCount()
    {
        return placeholders.stream().mapToInt(Placeholder::number).max().orElse(0);
    }

    /** The text with each {@code $n} replaced by {@code replacement.apply(n)}. */
    public String bind(IntFunction<String> replacement)
    {
        if (placeholders.isEmpty()) {
            return sql;
        }
        StringBuilder bound = new StringBuilder(sql.length() + placeholders.size() * 8);
        int copied = 0;
        for (Placeholder placeholder : placeholders) {
            bound.append(sql, copied, placeholder.offset()).append(replacement.apply(placeholder.number()));
            copied = placeholder.offset() + placeholder.length();
        }
        return bound.append(sql, copied, sql.length()).toString();
    }

    /** The text with {@code ?} for each placeholder, as Trino's DESCRIBE INPUT and OUTPUT take it, and the number each {@code ?} stands for. */
    public QuestionMarks withQuestionMarks()
    {
        return withQuestionMarks(Map.of());
    }

    /** The same, with the parameters named in {@code casts} cast to the Trino type given for them. */
    public QuestionMarks withQuestionMarks(Map<Integer, String> casts)
    {
        List<Integer> numbers = new ArrayList<>(placeholders.size());
        String text = bind(number -> {
            numbers.add(number);
            String cast = casts.get(number);
            return cast == null ? "?" : "CAST(? AS " + cast + ")";
        });
        return new QuestionMarks(text, List.copyOf(numbers));
    }

    public record QuestionMarks(String sql, List<Integer> numbers) {}

    /** This text with {@code text} inserted at {@code offset}, placeholders at or after it moved along. */
    public ParameterizedSql insert(int offset, String text)
    {
        List<Placeholder> moved = placeholders.stream()
                .map(placeholder -> placeholder.offset() >= offset ? new Placeholder(placeholder.offset() + text.length(), placeholder.length(), placeholder.number()) : placeholder)
                .toList();
        return new ParameterizedSql(new StringBuilder(sql).insert(offset, text).toString(), moved);
    }
}
