package io.timefusion.trino.write;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.timefusion.trino.delta.DeltaActions.AddFile;

import static java.util.Objects.requireNonNull;

/** What a page sink reports for one written file: the table it belongs to (see ProjectTables) and its add action. */
public record DataFileFragment(@JsonProperty("table") String table, @JsonProperty("add") AddFile add)
{
    public DataFileFragment
    {
        requireNonNull(table, "table is null");
        requireNonNull(add, "add is null");
    }
}
