package io.timefusion.integration.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a client program (psql, python3) to completion and captures what it printed. */
public record ExternalProcess(int exitCode, String stdout, String stderr)
{
    public static ExternalProcess run(List<String> command, Map<String, String> environment, String stdin)
            throws IOException, InterruptedException
    {
        return run(command, environment, stdin, Duration.ofSeconds(120));
    }

    public static ExternalProcess run(List<String> command, Map<String, String> environment, String stdin, Duration timeout)
            throws IOException, InterruptedException
    {
        Path output = Files.createTempFile("client-", ".out");
        Path errors = Files.createTempFile("client-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (var input = process.getOutputStream()) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("%s did not finish within %s".formatted(command.getFirst(), timeout));
            }
            return new ExternalProcess(process.exitValue(), Files.readString(output), Files.readString(errors));
        }
        finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    public static boolean available(String program)
    {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }
}
