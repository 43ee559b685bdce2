package io.timefusion.integration.gateway;

import com.sun.tools.attach.VirtualMachine;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway as a process of its own, configured through environment variables as an operator would, for what
 * an in-process gateway cannot show (a heap limit). Uses the jar and classpath the gateway module's build wrote.
 */
final class GatewayProcess
        implements AutoCloseable
{
    private final Process process;
    private final Path log;
    private final int pgwirePort;
    private final int httpPort;

    private GatewayProcess(Process process, Path log, int pgwirePort, int httpPort)
    {
        this.process = process;
        this.log = log;
        this.pgwirePort = pgwirePort;
        this.httpPort = httpPort;
    }

    static GatewayProcess start(List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException
    {
        String classpath = System.getProperty("timefusion.gateway.jar") + ":"
                + Files.readString(Path.of(System.getProperty("timefusion.gateway.classpath-file"))).strip();
        int pgwirePort = freePort();
        int httpPort = freePort();
        Path log = Files.createTempFile("gateway-", ".log");
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "io.timefusion.gateway.GatewayMain"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // these tests count rows and files through restarts; OPTIMIZE rewriting files meanwhile is TestAutomaticMaintenance's subject
        builder.environment().put("MAINTENANCE_ENABLED", "false");
        builder.environment().putAll(environment);
        builder.environment().put("PGWIRE_PORT", Integer.toString(pgwirePort));
        builder.environment().put("PGWIRE_BIND_ADDRESS", "127.0.0.1");
        builder.environment().put("PORT", Integer.toString(httpPort));
        builder.environment().put("HTTP_BIND_ADDRESS", "127.0.0.1");
        GatewayProcess gateway = new GatewayProcess(builder.start(), log, pgwirePort, httpPort);
        gateway.awaitPort(Duration.ofSeconds(60));
        return gateway;
    }

    private void awaitPort(Duration timeout)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with %d:%n%s".formatted(process.exitValue(), Files.readString(log)));
            }
            try (Socket _ = new Socket("127.0.0.1", pgwirePort)) {
                return;
            }
            catch (IOException _) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("gateway did not listen within %s:%n%s".formatted(timeout, Files.readString(log)));
    }

    int pgwirePort()
    {
        return pgwirePort;
    }

    int httpPort()
    {
        return httpPort;
    }

    /** kill -9: no shutdown hook runs, nothing is flushed. */
    void kill()
            throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an operator's stop: the gateway flushes its buffer and exits. @return the exit status */
    int stop()
            throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the gateway did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    boolean isAlive()
    {
        return process.isAlive();
    }

    /** Heap still in use after a full GC, asked over JMX through the attach API: what the gateway really holds. */
    long liveHeapBytes()
            throws Exception
    {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            memory.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }
        finally {
            vm.detach();
        }
    }

    /** The process' resident set (VmRSS): heap, Netty's direct buffers and everything else. */
    long residentSetBytes()
            throws IOException
    {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/%d/status".formatted(process.pid()));
    }

    String log()
            throws IOException
    {
        return Files.readString(log);
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close()
            throws IOException
    {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }
}
