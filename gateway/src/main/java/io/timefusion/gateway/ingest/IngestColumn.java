package io.timefusion.gateway.ingest;

import io.timefusion.contract.BatchColumnType;

import static java.util.Objects.requireNonNull;

/** A column of an ingest table: its name, type and whether a row may leave it NULL. */
public record IngestColumn(String name, BatchColumnType type, boolean nullable)
{
    public IngestColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
