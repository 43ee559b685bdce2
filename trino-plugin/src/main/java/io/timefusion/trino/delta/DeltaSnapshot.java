package io.timefusion.trino.delta;

import com.google.common.collect.ImmutableMap;
import io.timefusion.trino.delta.DeltaActions.Action;
import io.timefusion.trino.delta.DeltaActions.AddFile;
import io.timefusion.trino.delta.DeltaActions.Metadata;
import io.timefusion.trino.delta.DeltaActions.Protocol;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The state of a Delta table at one version: its protocol, metadata, live data files and the last
 * version of each application transaction. Immutable; {@link #apply} yields the next version.
 */
public record DeltaSnapshot(
        long version,
        Optional<Protocol> protocol,
        Optional<Metadata> metadata,
        Map<String, AddFile> files,
        Map<String, Long> transactions)
{
    /** A location with no Delta log yet: the first commit will be version 0. */
    public static final DeltaSnapshot EMPTY = new DeltaSnapshot(-1, Optional.empty(), Optional.empty(), Map.of(), Map.of());

    public DeltaSnapshot
    {
        requireNonNull(protocol, "protocol is null");
        requireNonNull(metadata, "metadata is null");
        files = ImmutableMap.copyOf(files);
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

    /** The snapshot after the actions of {@code newVersion}, replayed in order as the protocol prescribes. */
    public DeltaSnapshot apply(long newVersion, List<Action> actions)
    {
        Optional<Protocol> newProtocol = protocol;
        Optional<Metadata> newMetadata = metadata;
        Map<String, AddFile> newFiles = new HashMap<>(files);
        Map<String, Long> newTransactions = new HashMap<>(transactions);
        for (Action action : actions) {
            if (action.add() != null) {
                newFiles.put(action.add().path(), action.add());
            }
            else if (action.remove() != null) {
                newFiles.remove(action.remove().path());
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
        return new DeltaSnapshot(newVersion, newProtocol, newMetadata, newFiles, newTransactions);
    }
}
