package org.ronda.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Ronda service run as its own process with benchmark settings. Remembers its peak
 * resident memory when stopped, since {@code /proc} forgets a process once it is gone.
 */
final class BenchProcess implements AutoCloseable {

    private final String label;
    private final Path jar;
    private final String heap;
    private final int httpPort;
    private final Map<String, String> settings;
    private final Path log;
    private Process process;
    private long peakRssKib = -1;
    private double cpuSeconds = -1;

    /**
     * @param label  name in the report, e.g. {@code enrich-stream}
     * @param module the service's folder in the repository, e.g. {@code enrich}
     */
    BenchProcess(Path repo, String label, String module, String heap, int httpPort, Map<String, String> settings, Path logDir) {
        this.label = label;
        this.jar = repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        this.heap = heap;
        this.httpPort = httpPort;
        this.settings = settings;
        this.log = logDir.resolve(label + ".log");
    }

    String label() {
        return label;
    }

    String heap() {
        return heap;
    }

    void start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn install -DskipTests first");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap);
        command.add("-Dquarkus.http.port=" + httpPort);
        if (Boolean.getBoolean("bench.jfr")) {
            // Profiling on request (./ronda bench pipeline N -Dbench.jfr=true): one recording per process beside its log.
            command.add("-XX:StartFlightRecording=filename=" + log.resolveSibling(label + ".jfr") + ",settings=profile,dumponexit=true");
        }
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Waits until the readiness endpoint answers 200. */
    void awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(label + " exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(label + " not ready after " + timeout + ", see " + log);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    long pid() {
        return process.pid();
    }

    /** CPU seconds used so far (or at stop). */
    double cpuSeconds() {
        if (process != null && process.isAlive()) {
            return ProcStats.cpuSeconds(process.pid()).orElse(-1);
        }
        return cpuSeconds;
    }

    /** Peak resident memory in KiB: now if running, else as it was just before the stop. */
    OptionalLong peakRssKib() {
        if (process != null && process.isAlive()) {
            return ProcStats.peakRssKib(process.pid());
        }
        return peakRssKib < 0 ? OptionalLong.empty() : OptionalLong.of(peakRssKib);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            peakRssKib = ProcStats.peakRssKib(process.pid()).orElse(-1);
            cpuSeconds = ProcStats.cpuSeconds(process.pid()).orElse(-1);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
