package io.timefusion.trino.delta;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.inject.Inject;
import io.airlift.log.Logger;
import io.timefusion.trino.TimeFusionConfig;
import io.timefusion.trino.delta.DeltaActions.Action;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaActions.CommitInfo;
import io.timefusion.trino.delta.DeltaActions.Format;
import io.timefusion.trino.delta.DeltaActions.Metadata;
import io.timefusion.trino.delta.DeltaActions.Protocol;
import io.timefusion.trino.delta.DeltaActions.RemoveFile;
import io.timefusion.trino.delta.DeltaActions.Transaction;
import io.timefusion.trino.metadata.OtelLogsAndSpansTable;
import io.timefusion.trino.storage.FileSystems;
import io.timefusion.trino.storage.TableStorage;
import io.trino.filesystem.Location;
import io.trino.spi.TrinoException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_COMMIT_CONFLICT;
import static io.timefusion.trino.TimeFusionErrorCode.TIMEFUSION_REWRITE_CONFLICT;
import static io.timefusion.trino.storage.StorageErrors.storageError;
import static io.trino.spi.StandardErrorCode.TRANSACTION_CONFLICT;
import static java.util.Objects.requireNonNull;

/**
 * Commits to a Delta table. A commit is the put-if-absent of the next version's JSON file; when a concurrent writer
 * took that version, the commit is planned again on the newer snapshot and tried at the next version. Blind appends
 * never conflict. A rewrite (OPTIMIZE, UPDATE, DELETE, MERGE) conflicts only when a file it removes is no longer live:
 * another rewrite took it first, and then nothing of this one is committed, so no change is ever lost. The first commit into an empty location creates the table.
 * Every {@code checkpoint-interval} versions a Parquet checkpoint is written so that readers need not replay the log.
 */
public class DeltaCommitter
{
    private static final Logger log = Logger.get(DeltaCommitter.class);
    private static final int MAX_ATTEMPTS = 1000;
    private static final Protocol PROTOCOL = new Protocol(1, 2);
    private static final String ENGINE = "TimeFusion";

    private final FileSystems fileSystems;
    private final DeltaSnapshots snapshots;
    private final String schemaString;
    private final int checkpointInterval;
    private final long logRetentionMillis;

    /**
     * A rewrite of data files: the files it read at {@code readVersion} are removed and the files it wrote are added.
     * {@code dataChange} is false when the table's rows stay as they are (OPTIMIZE, up to the duplicates it drops) and
     * true when rows were changed (UPDATE, DELETE, MERGE).
     */
    public record Rewrite(String operation, long readVersion, List<AddFile> removed, List<AddFile> added, boolean dataChange, Map<String, String> parameters)
    {
        public Rewrite
        {
            requireNonNull(operation, "operation is null");
            removed = List.copyOf(removed);
            added = List.copyOf(added);
            parameters = Map.copyOf(parameters);
        }

        /** The commit's operation metrics, as Delta writes them: files and bytes removed and added. */
        Map<String, String> metrics()
        {
            return Map.of(
                    "numRemovedFiles", Integer.toString(removed.size()),
                    "numAddedFiles", Integer.toString(added.size()),
                    "numRemovedBytes", Long.toString(removed.stream().mapToLong(AddFile::size).sum()),
                    "numAddedBytes", Long.toString(added.stream().mapToLong(AddFile::size).sum()));
        }
    }

    @Inject
    public DeltaCommitter(FileSystems fileSystems, DeltaSnapshots snapshots, OtelLogsAndSpansTable table, TimeFusionConfig config)
    {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
        this.schemaString = DeltaTableSchema.schemaString(table);
        this.checkpointInterval = config.getCheckpointInterval();
        this.logRetentionMillis = config.getLogRetention().toMillis();
    }

    /**
     * @param transaction the application transaction the commit records; when the table already holds that version
     * of its app id, or a later one, the files are not committed: the same rows are durable already
     * @return the version that holds the files (or, for an already committed transaction, the table's latest)
     */
    public long commitAppend(TableStorage table, List<AddFile> files, String queryId, Optional<Transaction> transaction)
    {
        return commit(table, snapshot -> {
            if (transaction.isPresent() && isCommitted(snapshot, transaction.get())) {
                log.info("Transaction %s version %s is already committed to %s; not committing its %s files again",
                        transaction.get().appId(), transaction.get().version(), table.describe(), files.size());
                return Optional.empty();
            }
            return Optional.of(appendActions(snapshot, files, queryId, transaction));
        });
    }

    /**
     * Commits a rewrite in one version, after any number of concurrent appends.
     *
     * @return the version that holds the rewrite
     * @throws TrinoException TIMEFUSION_REWRITE_CONFLICT when a file it removes was removed by another commit
     */
    public long commitRewrite(TableStorage table, Rewrite rewrite, String queryId)
    {
        return commit(table, snapshot -> {
            for (AddFile removed : rewrite.removed()) {
                if (!snapshot.files().containsKey(removed.path())) {
                    // a change of rows is a transaction conflict (SQLSTATE 40001 for Postgres clients); OPTIMIZE keeps its own code
                    throw new TrinoException(rewrite.dataChange() ? TRANSACTION_CONFLICT : TIMEFUSION_REWRITE_CONFLICT,
                            "%s of %s conflicts with a concurrent commit that removed %s (an UPDATE, DELETE or OPTIMIZE of the same rows); nothing was committed, run it again"
                                    .formatted(rewrite.operation(), table.describe(), removed.path()));
                }
            }
            return Optional.of(rewriteActions(rewrite, queryId));
        });
    }

    private long commit(TableStorage table, Function<DeltaSnapshot, Optional<List<Action>>> plan)
    {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            DeltaSnapshot snapshot = snapshots.latest(table);
            Optional<List<Action>> actions = plan.apply(snapshot);
            if (actions.isEmpty()) {
                return snapshot.version();
            }
            long version = snapshot.version() + 1;
            Location location = DeltaLogFiles.commit(table, version);
            try {
                fileSystems.createExclusive(table.backend(), location, DeltaJson.serialize(actions.get()));
            }
            catch (FileAlreadyExistsException e) {
                log.debug("Version %s of %s was taken by a concurrent commit; retrying", version, table.describe());
                continue;
            }
            catch (IOException e) {
                throw storageError("commit Delta version " + version, location, e);
            }
            snapshots.committed(table);
            checkpointIfDue(table, version);
            return version;
        }
        throw new TrinoException(TIMEFUSION_COMMIT_CONFLICT, "Gave up committing to %s after %d concurrent commits took every version tried".formatted(table.describe(), MAX_ATTEMPTS));
    }

    private static boolean isCommitted(DeltaSnapshot snapshot, Transaction transaction)
    {
        Long committed = snapshot.transactions().get(transaction.appId());
        return committed != null && committed >= transaction.version();
    }

    private List<Action> appendActions(DeltaSnapshot snapshot, List<AddFile> files, String queryId, Optional<Transaction> transaction)
    {
        ImmutableList.Builder<Action> actions = ImmutableList.builder();
        long now = System.currentTimeMillis();
        actions.add(Action.of(new CommitInfo(now, "WRITE", Map.of("mode", "Append", "queryId", queryId), null, Map.of(), ENGINE, true)));
        if (!snapshot.exists()) {
            actions.add(Action.of(PROTOCOL));
            actions.add(Action.of(new Metadata(
                    UUID.randomUUID().toString(),
                    new Format("parquet", Map.of()),
                    schemaString,
                    OtelLogsAndSpansTable.PARTITION_COLUMNS,
                    Map.of("delta.checkpointInterval", Integer.toString(checkpointInterval)),
                    now)));
        }
        transaction.ifPresent(txn -> actions.add(Action.of(new Transaction(txn.appId(), txn.version(), now))));
        files.forEach(file -> actions.add(Action.of(file)));
        return actions.build();
    }

    private static List<Action> rewriteActions(Rewrite rewrite, String queryId)
    {
        ImmutableList.Builder<Action> actions = ImmutableList.builder();
        long now = System.currentTimeMillis();
        Map<String, String> parameters = ImmutableMap.<String, String>builder().putAll(rewrite.parameters()).put("queryId", queryId).buildKeepingLast();
        actions.add(Action.of(new CommitInfo(now, rewrite.operation(), parameters, rewrite.readVersion(), rewrite.metrics(), ENGINE, false)));
        rewrite.removed().forEach(file -> actions.add(Action.of(new RemoveFile(file.path(), now, rewrite.dataChange()))));
        rewrite.added().forEach(file -> actions.add(Action.of(rewrite.dataChange() ? file : file.withoutDataChange())));
        return actions.build();
    }

    private void checkpointIfDue(TableStorage table, long committedVersion)
    {
        if (committedVersion % checkpointInterval != 0) {
            return;
        }
        // the commit succeeded: a failed checkpoint only makes later log replays longer, so it is logged, not thrown
        try {
            DeltaSnapshot snapshot = snapshots.latest(table);
            ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
            long actionCount = CheckpointWriter.write(snapshot, System.currentTimeMillis() - logRetentionMillis, checkpoint);
            try {
                fileSystems.createExclusive(table.backend(), DeltaLogFiles.checkpoint(table, snapshot.version()), checkpoint.toByteArray());
            }
            catch (FileAlreadyExistsException e) {
                // a concurrent writer checkpointed the same version: same content
            }
            byte[] lastCheckpoint = DeltaJson.toJson(new LastCheckpoint(snapshot.version(), actionCount)).getBytes(StandardCharsets.UTF_8);
            fileSystems.overwrite(table.backend(), DeltaLogFiles.lastCheckpoint(table), lastCheckpoint);
        }
        catch (IOException | RuntimeException e) {
            log.warn(e, "Writing a checkpoint of %s after version %s failed", table.describe(), committedVersion);
        }
    }
}
