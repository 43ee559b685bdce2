package io.timefusion.trino.buffer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST {url}/v1/buffer/rows} (contract §5). Nulls are sent as such: a null {@code defaultWatermark}
 * means no row of an unregistered project is wanted, null {@code projects} any project, a null bound no bound.
 * {@code projects} and the bounds are coarse filters; the plugin filters exactly afterwards.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record BufferRequest(
        @JsonProperty("gatewayId") String gatewayId,
        @JsonProperty("table") String table,
        @JsonProperty("defaultWatermark") Long defaultWatermark,
        @JsonProperty("projectWatermarks") Map<String, Long> projectWatermarks,
        @JsonProperty("projects") List<String> projects,
        @JsonProperty("fromMicros") Long fromMicros,
        @JsonProperty("toMicros") Long toMicros,
        @JsonProperty("columns") List<String> columns) {}
