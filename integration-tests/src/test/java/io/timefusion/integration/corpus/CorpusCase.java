package io.timefusion.integration.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * One case of the acceptance corpus (src/test/resources/corpus/cases.yaml): a statement in the Postgres dialect
 * with typed parameters ({@code $1}, {@code $2}, …). The expected result is what the reference Postgres answers
 * to {@code postgres} when given (an equivalent statement, for functions plain Postgres lacks) or to the same
 * statement. {@code {{run}}} in a parameter value stands for the runner, so that statements that write do not
 * see each other's rows.
 *
 * @param order {@code any} when the statement leaves the order of rows open (ties under ORDER BY … LIMIT n
 * where n exceeds the rows): rows are then compared as a multiset
 * @param postgres the statement the reference runs instead, or null
 * @param tolerance for approximate functions: numbers may differ by this fraction of the larger one, or null for exact results
 * @param why what the Postgres variant or the tolerance stands for, or null
 */
public record CorpusCase(
        String name,
        String sql,
        String postgres,
        List<Parameter> params,
        Order order,
        Double tolerance,
        String why)
{
    private static final String RESOURCE = "/corpus/cases.yaml";

    public enum Order
    {
        @JsonProperty("exact") EXACT,
        @JsonProperty("any") ANY
    }

    /** A bound value: its Postgres type name (text, uuid, int4, int8, float8, numeric, bool, date, timestamptz, jsonb, text[], int8[], timestamptz[]) and its value. */
    public record Parameter(String type, JsonNode value)
    {
        public Parameter
        {
            requireNonNull(type, "type is null");
        }

        Parameter forRun(String run)
        {
            return value.isTextual() ? new Parameter(type, JsonNodeFactory.instance.textNode(value.asText().replace("{{run}}", run))) : this;
        }
    }

    public CorpusCase
    {
        requireNonNull(name, "name is null");
        requireNonNull(sql, "sql is null");
        params = params == null ? List.of() : List.copyOf(params);
        order = order == null ? Order.EXACT : order;
    }

    public String postgresSql()
    {
        return postgres == null ? sql : postgres;
    }

    public OptionalDouble relativeTolerance()
    {
        return tolerance == null ? OptionalDouble.empty() : OptionalDouble.of(tolerance);
    }

    public List<Parameter> params(String run)
    {
        return params.stream().map(parameter -> parameter.forRun(run)).toList();
    }

    public static List<CorpusCase> load()
    {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        try (InputStream input = requireNonNull(CorpusCase.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return List.of(mapper.readValue(input, CorpusCase[].class));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString()
    {
        return name;
    }
}
