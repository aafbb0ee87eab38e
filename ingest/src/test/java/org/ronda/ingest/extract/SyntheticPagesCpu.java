package org.ronda.ingest.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;
import org.ronda.sample.synthetic.SyntheticCorpus;
import org.ronda.sample.synthetic.SyntheticNewsServer;

/**
 * CPU time per page of jsoup's parser alone and of {@link ArticleExtractor} (parse plus metadata and
 * body extraction) on the pipeline benchmark's generated pages (~12.8 KB, served by the sample's
 * renderer on 127.0.0.1 and fetched once), one thread, timed by the thread's CPU time so that a busy
 * machine does not change the figure. The two are measured in alternating rounds over the same
 * pages, so both see the same JIT state and the same neighbours.
 */
final class SyntheticPagesCpu {

    record Result(int pages, double averageKilobytes, int rounds, double parseMsPerPage, double extractMsPerPage, double loadAverage) {

        String describe() {
            return String.format(Locale.ROOT,
                    "generated pages (the pipeline benchmark's, %d pages of %.1f KB on average, %d alternating rounds, one thread, "
                            + "thread CPU time; load average %.2f):%n"
                            + "  jsoup parse alone: %.3f ms CPU per page (%.0f pages per CPU second)%n"
                            + "  ArticleExtractor (parse + extraction): %.3f ms CPU per page (%.0f pages per CPU second), "
                            + "%.2fx the parse; extraction alone %.3f ms%n",
                    pages, averageKilobytes, rounds, loadAverage, parseMsPerPage, 1000 / parseMsPerPage, extractMsPerPage,
                    1000 / extractMsPerPage, extractMsPerPage / parseMsPerPage, extractMsPerPage - parseMsPerPage);
        }
    }

    private SyntheticPagesCpu() {
    }

    static Result measure(int pageCount, int rounds) throws Exception {
        SyntheticCorpus synthetic = SyntheticCorpus.generate(SampleCorpus.load(), pageCount, 0, OffsetDateTime.now(ZoneOffset.UTC), 7);
        List<String[]> pages = new ArrayList<>();
        try (SyntheticNewsServer server = SyntheticNewsServer.start(synthetic, 0)) {
            HttpClient http = HttpClient.newHttpClient();
            for (SampleArticle article : synthetic.archive()) {
                String url = server.articleUrl(article);
                pages.add(new String[] {url, http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body()});
            }
        }
        long bytes = pages.stream().mapToLong(p -> p[1].getBytes(StandardCharsets.UTF_8).length).sum();
        List<URI> urls = pages.stream().map(p -> URI.create(p[0])).toList();
        ArticleExtractor extractor = new ArticleExtractor();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long parseCpu = 0;
        long extractCpu = 0;
        long sink = 0;
        // Round 0 warms both up and is not counted.
        for (int round = 0; round <= rounds; round++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (String[] page : pages) {
                sink += Jsoup.parse(page[1], page[0]).childNodeSize();
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < pages.size(); i++) {
                try {
                    sink += extractor.extract(pages.get(i)[1], urls.get(i)).text().length();
                } catch (ExtractionException e) {
                    sink--;
                }
            }
            long t2 = threads.getCurrentThreadCpuTime();
            if (round > 0) {
                parseCpu += t1 - t0;
                extractCpu += t2 - t1;
            }
        }
        if (sink == Long.MIN_VALUE) {
            System.out.print("");
        }
        double perPage = 1e6 * rounds * pages.size();
        return new Result(pages.size(), bytes / 1024.0 / pages.size(), rounds, parseCpu / perPage, extractCpu / perPage,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.print(measure(pages, rounds).describe());
    }
}
