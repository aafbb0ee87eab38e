package org.ronda.ingest.extract;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ronda.kafka.TopicDeletion;
import org.ronda.sample.SampleCorpus;
import org.ronda.sample.synthetic.SyntheticCorpus;
import org.ronda.sample.synthetic.SyntheticNewsServer;

/**
 * CPU time per page of the whole ingest process (fetch, feed parsing, extraction, publishing, and
 * the JVM's own threads: JIT compiler, GC, Kafka's network thread) on the pipeline benchmark's
 * generated pages: the packaged ingest ({@code quarkus-run.jar}) runs as a child process on fresh
 * topics of the given Kafka, one {@code POST /ingest/poll} takes every page from 127.0.0.1, and the
 * child's CPU seconds come from {@code /proc/<pid>/stat} and {@code /proc/<pid>/task/*}. The
 * generator runs in this JVM, so its CPU is not counted. Topics are deleted at the end.
 *
 * <p>Two figures: the whole poll (start-up of the code paths included: the JIT compiles most of
 * ingest while the first few thousand pages go through) and the second half of the pages, which is
 * what a long run tends to.
 */
final class IngestProcessCpu {

    /** Clock ticks per second in {@code /proc/<pid>/stat}: 100 on every Linux this runs on ({@code getconf CLK_TCK}). */
    private static final double TICKS_PER_SECOND = 100;
    private static final Pattern PUBLISHED = Pattern.compile(
            "(?m)^ronda_ingest_items_total\\{[^}]*outcome=\"published\"[^}]*} ([0-9.E]+)$");

    record Result(int pages, double cpuSeconds, double jitSeconds, double secondHalfMsPerPage, double secondHalfJitMsPerPage,
            double wallSeconds, String loadBefore, String loadAfter, String outcomes) {

        String describe() {
            return String.format(Locale.ROOT,
                    "whole ingest process (packaged service on fresh topics, one POST /ingest/poll over %d generated pages on 127.0.0.1; "
                            + "/proc CPU time of the process):%n"
                            + "  whole poll: %.1f CPU s = %.3f ms CPU per page (%.0f pages per CPU second), JIT compiler threads %.1f s of it; "
                            + "wall %.1f s; outcomes %s%n"
                            + "  second half of the pages: %.3f ms CPU per page (%.0f pages per CPU second), JIT %.3f ms of it%n"
                            + "  load average %s at start, %s at end%n",
                    pages, cpuSeconds, 1000 * cpuSeconds / pages, pages / cpuSeconds, jitSeconds, wallSeconds, outcomes,
                    secondHalfMsPerPage, 1000 / secondHalfMsPerPage, secondHalfJitMsPerPage, loadBefore, loadAfter);
        }
    }

    private record Sample(long published, long cpuTicks, long jitTicks) {
    }

    private IngestProcessCpu() {
    }

    /** The packaged ingest beside the test classes this runs from: {@code ingest/target/quarkus-app/quarkus-run.jar}. */
    static Path defaultJar() {
        try {
            Path classes = Path.of(IngestProcessCpu.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolveSibling("quarkus-app").resolve("quarkus-run.jar");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Result measure(int pages, Path jar, String kafka, int port) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: package ingest first (mvn -pl ingest -am install -DskipTests)");
        }
        SyntheticCorpus synthetic = SyntheticCorpus.generate(SampleCorpus.load(), pages, 0, OffsetDateTime.now(ZoneOffset.UTC), 7);
        String run = "bench-ingest-cpu-" + UUID.randomUUID().toString().substring(0, 8);
        Path work = Files.createTempDirectory(run);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Process ingest = null;
        try (SyntheticNewsServer server = SyntheticNewsServer.start(synthetic, 0)) {
            Path sources = work.resolve("sources.tsv");
            server.writeArchiveSources(sources);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-Dquarkus.http.port=" + port,
                    "-Dronda.kafka.bootstrap-servers=" + kafka,
                    "-Dronda.ingest.sources-file=" + sources,
                    "-Dronda.ingest.scheduler-enabled=false",
                    // The same settings as the pipeline benchmark: every outlet on 127.0.0.1, no politeness delay.
                    "-Dronda.ingest.fetch.allow-private-addresses=127.0.0.1/32",
                    "-Dronda.ingest.fetch.min-interval-per-host=0s",
                    "-Dronda.ingest.fetch.max-concurrent-per-host=8",
                    "-Dronda.ingest.fetch-threads=8",
                    "-Dronda.ingest.topics.raw-articles=" + run + ".articles.raw",
                    "-Dronda.ingest.topics.seen-articles=" + run + ".ingest.seen",
                    "-Dronda.ingest.topics.dead-letter=" + run + ".ingest.dead-letter",
                    "-Dronda.ingest.topics.poll-tasks=" + run + ".ingest.poll-tasks",
                    "-jar", jar.toString()));
            ingest = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("ingest.log").toFile()).start();
            long pid = ingest.pid();
            String base = "http://127.0.0.1:" + port;
            awaitReady(http, base, ingest, work);
            String loadBefore = loadAverage();
            List<Sample> samples = new ArrayList<>();
            samples.add(sample(http, base, pid));
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> poll = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/ingest/poll"))
                    .timeout(Duration.ofHours(2)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            while (!poll.isDone()) {
                try {
                    poll.get(1, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    samples.add(sample(http, base, pid));
                }
            }
            HttpResponse<String> answer = poll.get();
            Sample end = sample(http, base, pid);
            samples.add(end);
            double wall = (System.nanoTime() - start) / 1e9;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("POST /ingest/poll answered " + answer.statusCode() + ": " + answer.body());
            }
            Sample first = samples.get(0);
            Sample half = samples.stream().filter(s -> s.published() >= pages / 2).findFirst().orElse(first);
            long halfPages = Math.max(1, end.published() - half.published());
            Matcher m = Pattern.compile("\"itemOutcomes\":(\\{[^}]*})").matcher(answer.body());
            return new Result(pages, (end.cpuTicks() - first.cpuTicks()) / TICKS_PER_SECOND, (end.jitTicks() - first.jitTicks()) / TICKS_PER_SECOND,
                    1000 * (end.cpuTicks() - half.cpuTicks()) / TICKS_PER_SECOND / halfPages,
                    1000 * (end.jitTicks() - half.jitTicks()) / TICKS_PER_SECOND / halfPages,
                    wall, loadBefore, loadAverage(), m.find() ? m.group(1) : answer.body());
        } finally {
            if (ingest != null) {
                ingest.destroy();
                if (!ingest.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    ingest.destroyForcibly();
                }
            }
            deleteTopics(kafka, run);
        }
    }

    private static void awaitReady(HttpClient http, String base, Process ingest, Path work) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!ingest.isAlive()) {
                throw new IllegalStateException("ingest exited with " + ingest.exitValue() + ", see " + work.resolve("ingest.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            ingest.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("ingest not ready after 3 minutes, see " + work.resolve("ingest.log"));
    }

    private static Sample sample(HttpClient http, String base, long pid) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = PUBLISHED.matcher(metrics);
        long published = m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
        long jit = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith("C") && Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        jit += ticks(Files.readString(task.resolve("stat")));
                    }
                } catch (IOException e) {
                    // The thread ended meanwhile.
                }
            }
        }
        return new Sample(published, ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))), jit);
    }

    /** utime + stime of a {@code stat} line; the name in parentheses may hold spaces, so fields are counted after it. */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void deleteTopics(String kafka, String run) {
        try {
            TopicDeletion.deleteRun(kafka, run);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path jar = args.length > 1 ? Path.of(args[1]) : defaultJar();
        String kafka = args.length > 2 ? args[2] : "127.0.0.1:19092";
        System.out.print(measure(pages, jar, kafka, 18187).describe());
    }
}
