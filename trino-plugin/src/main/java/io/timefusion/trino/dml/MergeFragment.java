package io.timefusion.trino.dml;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.timefusion.trino.delta.DeltaActions.AddFile;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a merge sink reports for one file: a file of new rows (inserted, or the new versions of updated rows), or the
 * rewrite of a data file without its deleted rows ({@code rewritten} names the file it replaces, as the Delta log
 * does; no {@code add} when no row of it was left).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MergeFragment(
        @JsonProperty("table") String table,
        @JsonProperty("rewritten") String rewritten,
        @JsonProperty("add") AddFile add)
{
    @JsonCreator
    public MergeFragment
    {
        requireNonNull(table, "table is null");
    }

    public static MergeFragment inserted(String table, AddFile add)
    {
        return new MergeFragment(table, null, requireNonNull(add, "add is null"));
    }

    public static MergeFragment rewrite(String table, String rewritten, Optional<AddFile> add)
    {
        return new MergeFragment(table, requireNonNull(rewritten, "rewritten is null"), add.orElse(null));
    }

    public Optional<String> rewrittenPath()
    {
        return Optional.ofNullable(rewritten);
    }

    public Optional<AddFile> addedFile()
    {
        return Optional.ofNullable(add);
    }
}
