package io.timefusion.gateway.trino;

/** A result column: its name and Trino type. */
public record TrinoColumn(String name, TrinoType type) {}
