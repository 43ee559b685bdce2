package io.timefusion.integration.corpus;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.timefusion.integration.gateway.ExternalProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Runs the whole corpus in one psycopg 3 process (src/test/resources/corpus/run_corpus.py) against the gateway
 * and the reference Postgres, with client-side or server-side binding. Values arrive as psycopg presents them to
 * Python code (datetime, Decimal, parsed json, lists), rendered as JSON.
 */
final class PsycopgRunner
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    enum Binding
    {
        /** psycopg.ClientCursor: values interpolated into the statement, sent with the simple query protocol. */
        CLIENT,
        /** psycopg's default cursor: the extended protocol with the values as binds. */
        SERVER
    }

    /** What each server answered to one case. */
    record Answers(QueryResult postgres, QueryResult gateway) {}

    private PsycopgRunner() {}

    static Map<String, Answers> run(Binding binding, String gatewayDsn, String postgresDsn, List<CorpusCase> cases, String run)
            throws Exception
    {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        ExternalProcess probe = ExternalProcess.run(List.of(python, "-c", "import psycopg"), Map.of(), "");
        if (probe.exitCode() != 0) {
            throw new IllegalStateException("psycopg 3 is not installed for %s (Debian package python3-psycopg; .ci/run installs it): %s".formatted(python, probe.stderr()));
        }
        Path script = Path.of(requireNonNull(PsycopgRunner.class.getResource("/corpus/run_corpus.py"), "run_corpus.py").toURI());
        ExternalProcess process = ExternalProcess.run(List.of(python, script.toString()), Map.of(), request(binding, gatewayDsn, postgresDsn, cases, run), TIMEOUT);
        if (process.exitCode() != 0) {
            throw new IllegalStateException("run_corpus.py failed: " + process.stderr());
        }
        return JSON.readValue(process.stdout(), new TypeReference<>() {});
    }

    private static String request(Binding binding, String gatewayDsn, String postgresDsn, List<CorpusCase> cases, String run)
            throws Exception
    {
        ObjectNode request = JSON.createObjectNode()
                .put("gateway", gatewayDsn)
                .put("postgres", postgresDsn)
                .put("binding", binding.name().toLowerCase(Locale.ROOT));
        ArrayNode casesNode = request.putArray("cases");
        for (CorpusCase corpusCase : cases) {
            casesNode.addObject()
                    .put("name", corpusCase.name())
                    .put("sql", corpusCase.sql())
                    .put("postgres", corpusCase.postgres())
                    .set("params", JSON.valueToTree(corpusCase.params(run)));
        }
        return JSON.writeValueAsString(request);
    }
}
