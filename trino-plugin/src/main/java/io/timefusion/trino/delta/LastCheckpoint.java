package io.timefusion.trino.delta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The content of {@code _delta_log/_last_checkpoint}: a hint where log replay may start. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LastCheckpoint(
        @JsonProperty("version") long version,
        @JsonProperty("size") long size) {}
