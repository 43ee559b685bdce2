package io.timefusion.trino.delta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.airlift.slice.Slice;
import io.timefusion.trino.delta.DeltaActions.Action;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Commit files are newline-delimited JSON, one action per line. */
public final class DeltaJson
{
    // other writers add fields we do not know (tags, deletionVector, clusteringProvider, …): ignore them
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private DeltaJson() {}

    public static byte[] serialize(List<Action> actions)
    {
        StringBuilder builder = new StringBuilder();
        for (Action action : actions) {
            builder.append(toJson(action)).append('\n');
        }
        return builder.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws JsonProcessingException with the position of the first line that is not a complete action
     */
    public static List<Action> parse(byte[] content)
            throws JsonProcessingException
    {
        List<Action> actions = new ArrayList<>();
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
        for (String line : lines) {
            if (!line.isBlank()) {
                actions.add(MAPPER.readValue(line, Action.class));
            }
        }
        return actions;
    }

    public static String toJson(Object value)
    {
        try {
            return MAPPER.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readTree(String json)
            throws JsonProcessingException
    {
        return MAPPER.readTree(json);
    }

    public static <T> T fromJson(String json, Class<T> type)
            throws JsonProcessingException
    {
        return MAPPER.readValue(json, type);
    }

    /** A page sink's fragment (JSON it wrote itself, so a malformed one is a bug, not bad input). */
    public static <T> T fromFragment(Slice fragment, Class<T> type)
    {
        try {
            return MAPPER.readValue(fragment.toStringUtf8(), type);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
