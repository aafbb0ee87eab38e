package org.ronda.e2e;

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
import java.util.concurrent.TimeUnit;

/**
 * One packaged Ronda service (its quarkus-run.jar) run as a separate process, as in production.
 * Public for the end-to-end tests in sub-packages (faults, scale-out).
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final int httpPort;
    private final Map<String, String> settings;
    private final Path log;
    private Process process;

    public ServiceProcess(Path repo, String name, int httpPort, Map<String, String> settings, Path logDir) {
        this(repo, name, name, httpPort, settings, logDir);
    }

    /** A process of service {@code name} whose log is {@code label}.log, for several instances of one service. */
    public ServiceProcess(Path repo, String name, String label, int httpPort, Map<String, String> settings, Path logDir) {
        this.name = name;
        this.jar = repo.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.httpPort = httpPort;
        this.settings = settings;
        this.log = logDir.resolve(label + ".log");
    }

    public void start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the service first (mvn install runs before this test)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // enrich holds the language models (~100 MiB) beside the story window.
        command.add(name.equals("enrich") ? "-Xmx512m" : "-Xmx256m");
        command.add("-Dquarkus.http.port=" + httpPort);
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** True when the service answers its readiness endpoint with 200; fails fast if the process died. */
    public boolean ready(HttpClient http) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Ends the process with SIGKILL, as a crash would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
