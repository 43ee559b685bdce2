package io.timefusion.trino.delta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.timefusion.trino.delta.DeltaActions.AddFile;

import java.util.Collection;
import java.util.OptionalLong;

/** Row counts from the {@code numRecords} of add actions' statistics, which other writers may leave out. */
public final class RowCounts
{
    private RowCounts() {}

    public static OptionalLong of(AddFile file)
    {
        if (file.stats() == null) {
            return OptionalLong.empty();
        }
        try {
            JsonNode records = DeltaJson.readTree(file.stats()).path("numRecords");
            return records.canConvertToLong() ? OptionalLong.of(records.asLong()) : OptionalLong.empty();
        }
        catch (JsonProcessingException e) {
            return OptionalLong.empty();
        }
    }

    /** The rows of all files, or empty when one of them has no count. */
    public static OptionalLong total(Collection<AddFile> files)
    {
        long total = 0;
        for (AddFile file : files) {
            OptionalLong rows = of(file);
            if (rows.isEmpty()) {
                return OptionalLong.empty();
            }
            total += rows.getAsLong();
        }
        return OptionalLong.of(total);
    }
}
