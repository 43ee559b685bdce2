package io.timefusion.integration.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs a Python script that connects to the gateway (as DSN, a libpq connection string) with a Postgres driver. */
final class PythonClient
{
    private PythonClient() {}

    /** Skips the test when {@code module} (psycopg, psycopg2) is not installed. */
    static ExternalProcess run(TestingGateway gateway, String module, String script)
            throws Exception
    {
        // Debian's python3 has the packages .ci/run installs; a python3 earlier on the PATH (pyenv) may not
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        ExternalProcess probe = ExternalProcess.run(List.of(python, "-c", "import " + module), Map.of(), "");
        assumeTrue(probe.exitCode() == 0, module + " is not installed (Debian package python3-" + module + "; .ci/run installs it)");
        String dsn = "host=127.0.0.1 port=%d dbname=timefusion user=%s password=%s".formatted(gateway.pgwirePort(), TestingGateway.USER, TestingGateway.PASSWORD);
        return ExternalProcess.run(List.of(python, "-c", "DSN = '" + dsn + "'\n" + script), Map.of(), "");
    }
}
