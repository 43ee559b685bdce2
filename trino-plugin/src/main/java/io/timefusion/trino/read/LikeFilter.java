package io.timefusion.trino.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.timefusion.trino.metadata.TimeFusionColumnHandle;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code column LIKE pattern [ESCAPE escape]} of a query's WHERE, which the connector applies to each row it reads. */
public record LikeFilter(
        @JsonProperty("column") TimeFusionColumnHandle column,
        @JsonProperty("pattern") String pattern,
        @JsonProperty("escape") Optional<Character> escape)
{
    @JsonCreator
    public LikeFilter
    {
        requireNonNull(column, "column is null");
        requireNonNull(pattern, "pattern is null");
        requireNonNull(escape, "escape is null");
    }

    public LikePattern compile()
    {
        return LikePattern.compile(pattern, escape);
    }

    @Override
    public String toString()
    {
        return column.name() + " LIKE " + pattern + escape.map(character -> " ESCAPE " + character).orElse("");
    }
}
