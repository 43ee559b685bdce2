package io.timefusion.verifier;

import io.delta.kernel.Snapshot;
import io.delta.kernel.SnapshotBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import org.apache.hadoop.conf.Configuration;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Command line entry point: prints the latest snapshot of a local Delta table as JSON Lines, or with
 * {@code --at-version <version>} the rows of that version (time travel), or with {@code --version-only} just the
 * snapshot version, or with {@code --txn-version <appId>} the latest version of that application transaction
 * ({@code none} if the table has none).
 * <p>
 * Tests run it in a child JVM ({@code java -cp target/classes:$(cat target/verifier-classpath.txt)}) so that
 * Delta Kernel, Hadoop and Parquet 1.16 never meet the Trino classpath.
 */
public final class DeltaKernelDump
{
    static final String VERSION_ONLY = "--version-only";
    static final String TXN_VERSION = "--txn-version";
    static final String AT_VERSION = "--at-version";
    private static final String USAGE = "usage: DeltaKernelDump [" + VERSION_ONLY + " | " + TXN_VERSION + " <app-id> | " + AT_VERSION + " <version>] <table-path>";

    private DeltaKernelDump() {}

    public static void main(String[] args)
    {
        PrintStream rows = new PrintStream(new FileOutputStream(FileDescriptor.out), false, UTF_8);
        // Log4j's default console appender and other library chatter write to System.out; stdout must carry only rows
        System.setOut(System.err);
        int status = run(args, rows, System.err);
        rows.flush();
        System.exit(status);
    }

    /**
     * @return the process exit status: 0 on success, 1 on any failure (reported on {@code err})
     */
    static int run(String[] args, PrintStream out, PrintStream err)
    {
        Optional<Request> parsed = Request.parse(args);
        if (parsed.isEmpty()) {
            err.println(USAGE);
            return 1;
        }
        Request request = parsed.get();
        try {
            Engine engine = DefaultEngine.create(new Configuration());
            SnapshotBuilder builder = TableManager.loadSnapshot(request.tablePath());
            if (request.atVersion().isPresent()) {
                builder = builder.atVersion(request.atVersion().get());
            }
            Snapshot snapshot = builder.build(engine);
            if (request.versionOnly()) {
                out.print(snapshot.getVersion() + "\n");
            }
            else if (request.txnAppId().isPresent()) {
                out.print(snapshot.getLatestTransactionVersion(engine, request.txnAppId().get()).map(String::valueOf).orElse("none") + "\n");
            }
            else {
                JsonLineEncoder encoder = new JsonLineEncoder(snapshot.getSchema());
                new SnapshotRowScanner(engine).scan(snapshot, row -> out.print(encoder.encode(row) + "\n"));
            }
            out.flush();
            return 0;
        }
        catch (IOException | RuntimeException e) {
            err.println("DeltaKernelDump failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private record Request(String tablePath, boolean versionOnly, Optional<String> txnAppId, Optional<Long> atVersion)
    {
        static Optional<Request> parse(String[] args)
        {
            if (args.length == 1 && !args[0].startsWith("--")) {
                return Optional.of(new Request(absolute(args[0]), false, Optional.empty(), Optional.empty()));
            }
            if (args.length == 2 && args[0].equals(VERSION_ONLY)) {
                return Optional.of(new Request(absolute(args[1]), true, Optional.empty(), Optional.empty()));
            }
            if (args.length == 3 && args[0].equals(TXN_VERSION)) {
                return Optional.of(new Request(absolute(args[2]), false, Optional.of(args[1]), Optional.empty()));
            }
            if (args.length == 3 && args[0].equals(AT_VERSION) && args[1].matches("\\d+")) {
                return Optional.of(new Request(absolute(args[2]), false, Optional.empty(), Optional.of(Long.parseLong(args[1]))));
            }
            return Optional.empty();
        }

        private static String absolute(String path)
        {
            return Path.of(path).toAbsolutePath().toString();
        }
    }
}
