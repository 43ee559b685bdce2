package io.timefusion.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 12's literal-SQL client: psycopg2 (Debian's python3-psycopg2) sending 100-row INSERTs of 20 columns as SQL
 * text, a new text each time, from several connections: the script psycopg2_insert.py in this package, run as a child
 * process so that the client is the real driver.
 */
final class Psycopg2Inserts
{
    private Psycopg2Inserts() {}

    static IngestScenarios.Result run(String scenario, IngestTarget target, int connections, int statements, int rows, String idPrefix)
            throws IOException, InterruptedException
    {
        Path script = Files.createTempFile("psycopg2_insert-", ".py");
        try (InputStream source = Psycopg2Inserts.class.getResourceAsStream("psycopg2_insert.py")) {
            Files.write(script, source.readAllBytes());
        }
        try {
            Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), dsn(target), Integer.toString(connections), Integer.toString(statements),
                    Integer.toString(rows), idPrefix)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("psycopg2_insert.py failed (is python3-psycopg2 installed?): " + output);
            }
            JsonNode result = new ObjectMapper().readTree(output);
            List<Long> nanos = new ArrayList<>();
            result.get("latencies_ms").forEach(latency -> nanos.add((long) (latency.asDouble() * 1e6)));
            return new IngestScenarios.Result(scenario, target.name(), result.get("rows").asLong(), result.get("statements").asLong(), result.get("seconds").asDouble(),
                    Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray()));
        }
        finally {
            Files.deleteIfExists(script);
        }
    }

    /** libpq's key-value form of a pgjdbc URL and its user and password. */
    private static String dsn(IngestTarget target)
    {
        URI uri = URI.create(target.jdbcUrl().substring("jdbc:".length()));
        return "host=%s port=%d dbname=%s user=%s password=%s".formatted(uri.getHost(), uri.getPort(), uri.getPath().substring(1),
                target.properties().getProperty("user"), target.properties().getProperty("password", ""));
    }
}
