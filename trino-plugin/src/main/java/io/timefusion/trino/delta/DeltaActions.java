package io.timefusion.trino.delta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.collect.ImmutableMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The actions of the public Delta Lake protocol that TimeFusion reads and writes. Field names follow the
 * protocol, since other readers (Delta Kernel, Spark, delta-rs, Trino's Delta connector) parse them.
 */
public final class DeltaActions
{
    private DeltaActions() {}

    /** One line of a commit file, or one row of a checkpoint: exactly one of the fields is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(
            @JsonProperty("txn") Transaction txn,
            @JsonProperty("add") AddFile add,
            @JsonProperty("remove") RemoveFile remove,
            @JsonProperty("metaData") Metadata metaData,
            @JsonProperty("protocol") Protocol protocol,
            @JsonProperty("commitInfo") CommitInfo commitInfo)
    {
        public static Action of(AddFile add)
        {
            return new Action(null, add, null, null, null, null);
        }

        public static Action of(Metadata metaData)
        {
            return new Action(null, null, null, metaData, null, null);
        }

        public static Action of(Protocol protocol)
        {
            return new Action(null, null, null, null, protocol, null);
        }

        public static Action of(CommitInfo commitInfo)
        {
            return new Action(null, null, null, null, null, commitInfo);
        }

        public static Action of(Transaction txn)
        {
            return new Action(txn, null, null, null, null, null);
        }

        public static Action of(RemoveFile remove)
        {
            return new Action(null, null, remove, null, null, null);
        }
    }

    /**
     * @param tags free-form metadata other readers ignore; TimeFusion keeps the facts of {@link FileTags} there
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddFile(
            @JsonProperty("path") String path,
            @JsonProperty("partitionValues") Map<String, String> partitionValues,
            @JsonProperty("size") long size,
            @JsonProperty("modificationTime") long modificationTime,
            @JsonProperty("dataChange") boolean dataChange,
            @JsonProperty("stats") String stats,
            @JsonProperty("tags") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags)
    {
        public AddFile
        {
            requireNonNull(path, "path is null");
            partitionValues = partitionValues == null ? Map.of() : partitionValues;
            tags = tags == null ? Map.of() : ImmutableMap.copyOf(tags);
        }

        /** This action with one more tag (or a tag replaced). */
        public AddFile withTag(String name, String value)
        {
            Map<String, String> newTags = new LinkedHashMap<>(tags);
            newTags.put(name, value);
            return new AddFile(path, partitionValues, size, modificationTime, dataChange, stats, newTags);
        }

        /** The same file as an optimize or another rearrangement adds it again: no data change for streaming readers. */
        public AddFile withoutDataChange()
        {
            return new AddFile(path, partitionValues, size, modificationTime, false, stats, tags);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RemoveFile(
            @JsonProperty("path") String path,
            @JsonProperty("deletionTimestamp") Long deletionTimestamp,
            @JsonProperty("dataChange") boolean dataChange)
    {
        public RemoveFile
        {
            requireNonNull(path, "path is null");
        }
    }

    public record Protocol(
            @JsonProperty("minReaderVersion") int minReaderVersion,
            @JsonProperty("minWriterVersion") int minWriterVersion) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(
            @JsonProperty("id") String id,
            @JsonProperty("format") Format format,
            @JsonProperty("schemaString") String schemaString,
            @JsonProperty("partitionColumns") List<String> partitionColumns,
            @JsonProperty("configuration") Map<String, String> configuration,
            @JsonProperty("createdTime") Long createdTime)
    {
        public Metadata
        {
            partitionColumns = partitionColumns == null ? List.of() : partitionColumns;
            configuration = configuration == null ? Map.of() : configuration;
        }
    }

    public record Format(
            @JsonProperty("provider") String provider,
            @JsonProperty("options") Map<String, String> options) {}

    /**
     * @param readVersion the version the operation read (Delta writes it for operations that are not blind appends)
     * @param operationMetrics what the operation did, as strings (Delta's convention), e.g. numRemovedFiles
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommitInfo(
            @JsonProperty("timestamp") long timestamp,
            @JsonProperty("operation") String operation,
            @JsonProperty("operationParameters") Map<String, String> operationParameters,
            @JsonProperty("readVersion") Long readVersion,
            @JsonProperty("operationMetrics") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> operationMetrics,
            @JsonProperty("engineInfo") String engineInfo,
            @JsonProperty("isBlindAppend") boolean isBlindAppend)
    {
        public CommitInfo
        {
            operationMetrics = operationMetrics == null ? Map.of() : operationMetrics;
        }
    }

    public record Transaction(
            @JsonProperty("appId") String appId,
            @JsonProperty("version") long version,
            @JsonProperty("lastUpdated") Long lastUpdated) {}
}
