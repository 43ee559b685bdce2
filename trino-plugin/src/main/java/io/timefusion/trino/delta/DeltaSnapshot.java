package io.timefusion.trino.delta;

import com.google.common.collect.ImmutableMap;
import io.timefusion.trino.delta.DeltaActions.Action;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaActions.Metadata;
import io.timefusion.trino.delta.DeltaActions.Protocol;
import io.timefusion.trino.delta.DeltaActions.RemoveFile;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The state of a Delta table at one version: its protocol, metadata, live data files, the files removed since the
 * state was read from a checkpoint or that checkpoint still listed (tombstones: VACUUM must keep a file a reader of a
 * recent version needs), and the last version of each application transaction. Immutable; {@link #apply} yields the
 * next version.
 */
public record DeltaSnapshot(
        long version,
        Optional<Protocol> protocol,
        Optional<Metadata> metadata,
        Map<String, AddFile> files,
        Map<String, RemoveFile> tombstones,
        Map<String, Long> transactions)
{
    /** A location with no Delta log yet: the first commit will be version 0. */
    public static final DeltaSnapshot EMPTY = new DeltaSnapshot(-1, Optional.empty(), Optional.empty(), Map.of(), Map.of(), Map.of());

    public DeltaSnapshot
    {
        requireNonNull(protocol, "protocol is null");
        requireNonNull(metadata, "metadata is null");
        files = ImmutableMap.copyOf(files);
        tombstones = ImmutableMap.copyOf(tombstones);
        transactions = ImmutableMap.copyOf(transactions);
    }

    public boolean exists()
    {
        return version >= 0;
    }

    public Collection<AddFile> liveFiles()
    {
        return files.values();
    }

    /** The snapshot a checkpoint of {@code checkpointVersion} describes: its adds keep the tags they were written with. */
    static DeltaSnapshot fromCheckpoint(long checkpointVersion, List<Action> actions)
    {
        return EMPTY.apply(checkpointVersion, actions, false);
    }

    /**
     * The snapshot after the actions of commit {@code newVersion}, replayed in order as the protocol prescribes. An add
     * without a {@link FileTags#WRITE_VERSION} gets this version as its write version, so the order of rows survives
     * into our checkpoints, where the commit an add came from is no longer visible.
     */
    public DeltaSnapshot apply(long newVersion, List<Action> actions)
    {
        return apply(newVersion, actions, true);
    }

    private DeltaSnapshot apply(long newVersion, List<Action> actions, boolean fromCommit)
    {
        Optional<Protocol> newProtocol = protocol;
        Optional<Metadata> newMetadata = metadata;
        Map<String, AddFile> newFiles = new HashMap<>(files);
        Map<String, RemoveFile> newTombstones = new HashMap<>(tombstones);
        Map<String, Long> newTransactions = new HashMap<>(transactions);
        for (Action action : actions) {
            if (action.add() != null) {
                AddFile add = action.add();
                if (fromCommit && !add.tags().containsKey(FileTags.WRITE_VERSION)) {
                    add = add.withTag(FileTags.WRITE_VERSION, Long.toString(newVersion));
                }
                newFiles.put(add.path(), add);
                newTombstones.remove(add.path());
            }
            else if (action.remove() != null) {
                newFiles.remove(action.remove().path());
                newTombstones.put(action.remove().path(), action.remove());
            }
            else if (action.metaData() != null) {
                newMetadata = Optional.of(action.metaData());
            }
            else if (action.protocol() != null) {
                newProtocol = Optional.of(action.protocol());
            }
            else if (action.txn() != null) {
                newTransactions.put(action.txn().appId(), action.txn().version());
            }
        }
        return new DeltaSnapshot(newVersion, newProtocol, newMetadata, newFiles, newTombstones, newTransactions);
    }

    /**
     * This snapshot without the tombstones of files removed before {@code cutoffMillis}: past the log retention no
     * reader can need those files, and a snapshot kept up to date for months must not hold every file ever removed.
     */
    public DeltaSnapshot withoutTombstonesBefore(long cutoffMillis)
    {
        Map<String, RemoveFile> kept = new HashMap<>(tombstones);
        kept.values().removeIf(tombstone -> deletionMillis(tombstone) < cutoffMillis);
        return kept.size() == tombstones.size() ? this : new DeltaSnapshot(version, protocol, metadata, files, kept, transactions);
    }

    /** A tombstone without a deletion time counts as removed at the epoch: expired, as Delta readers treat it. */
    static long deletionMillis(RemoveFile tombstone)
    {
        return tombstone.deletionTimestamp() == null ? 0 : tombstone.deletionTimestamp();
    }
}
