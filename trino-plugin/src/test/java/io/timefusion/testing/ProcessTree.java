package io.timefusion.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A child process that is ended together with everything it started, also when the test JVM exits without
 * closing it, so no orphaned server keeps a port or a directory busy.
 */
final class ProcessTree
{
    private static final long GRACE_SECONDS = 10;

    private final Process root;
    private final Thread destroyOnExit;

    private ProcessTree(Process root)
    {
        this.root = root;
        this.destroyOnExit = new Thread(this::destroyNow, "destroy " + root.pid());
    }

    static ProcessTree start(ProcessBuilder builder)
            throws IOException
    {
        ProcessTree tree = new ProcessTree(builder.start());
        Runtime.getRuntime().addShutdownHook(tree.destroyOnExit);
        return tree;
    }

    ProcessHandle root()
    {
        return root.toHandle();
    }

    /** Asks the processes to terminate, kills those still alive after a grace period, and waits for all of them. */
    synchronized void destroy()
    {
        try {
            Runtime.getRuntime().removeShutdownHook(destroyOnExit);
        }
        catch (IllegalStateException _) {
            // the JVM is already shutting down; the hook itself is doing this work
        }
        destroyNow();
    }

    private void destroyNow()
    {
        // collected first: once the root is gone its children are re-parented and no longer listed as descendants
        List<ProcessHandle> processes = Stream.concat(Stream.of(root.toHandle()), root.descendants()).toList();
        processes.forEach(ProcessHandle::destroy);
        processes.forEach(ProcessTree::awaitExit);
    }

    private static void awaitExit(ProcessHandle process)
    {
        try {
            process.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
        }
        catch (TimeoutException _) {
            process.destroyForcibly();
            process.onExit().join();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("waiting for process " + process.pid() + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for process " + process.pid() + " to exit", e);
        }
    }
}
