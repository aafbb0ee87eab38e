package org.ronda.sample.synthetic;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ronda.sample.Outlet;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;

/**
 * Many articles made from the bundled sample, for load tests: an archive of {@code archiveSize}
 * articles that exist from the start, and {@code liveSize} more that a {@link ReleaseClock} lets
 * appear in the outlets' live feeds over time.
 *
 * <p>How an article is made, so that the mix of the sample survives:
 *
 * <ul>
 *   <li>Article {@code i} follows template {@code i mod 90} of the sample (outlets, languages and
 *       topic labels in the sample's proportions), keeps its outlet, title, summary, section,
 *       language and first paragraph (where the topic usually shows).
 *   <li>Every further paragraph comes from a donor of the same language and the same topic labels
 *       (an untagged article of the language when the template is the only one of its kind), so
 *       sizes and topic mix stay those of the sample while two articles of one template share only
 *       their title and lead: well under the 0.5 shingle similarity at which enrich clusters.
 *   <li>One article in {@value #SYNDICATION_EVERY}, drawn at random, is a verbatim copy of the latest article of
 *       another outlet in the same language (so only English ones, the one language with several outlets), as wire copy is in the sample, so clustering has real
 *       copies to find.
 * </ul>
 *
 * Slugs are the template's slug plus {@code -s<i>}, so every URL is unique. Archive articles are
 * published {@value #ARCHIVE_SPACING_SECONDS} s apart going back from {@code now}; live articles
 * are dated {@code now}. The same arguments give the same corpus.
 */
public final class SyntheticCorpus {

    /** One article in this many is a verbatim copy of another outlet's article. */
    static final int SYNDICATION_EVERY = 20;
    private static final long ARCHIVE_SPACING_SECONDS = 3;

    private final SampleCorpus corpus;
    private final Map<String, List<SampleArticle>> archiveByOutlet;
    private final List<SampleArticle> archive;
    private final List<SampleArticle> live;

    private SyntheticCorpus(SampleCorpus corpus, Map<String, List<SampleArticle>> archiveByOutlet,
            List<SampleArticle> archive, List<SampleArticle> live) {
        this.corpus = corpus;
        this.archiveByOutlet = archiveByOutlet;
        this.archive = archive;
        this.live = live;
    }

    /**
     * Generates a corpus from {@code sample}.
     *
     * @param archiveSize articles available from the start
     * @param liveSize    articles released later, in list order
     * @param now         the publication time of the newest archive article and of every live one
     * @param seed        the source of every random choice
     */
    public static SyntheticCorpus generate(SampleCorpus sample, int archiveSize, int liveSize, OffsetDateTime now, long seed) {
        if (archiveSize < 0 || liveSize < 0) {
            throw new IllegalArgumentException("sizes must not be negative, got " + archiveSize + " and " + liveSize);
        }
        List<SampleArticle> templates = sample.articles();
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("the sample has no article to start from");
        }
        Donors donors = new Donors(templates);
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, SampleArticle> latestByOutlet = new HashMap<>();
        List<SampleArticle> archive = new ArrayList<>(archiveSize);
        List<SampleArticle> live = new ArrayList<>(liveSize);
        for (int i = 0; i < archiveSize + liveSize; i++) {
            SampleArticle template = templates.get(i % templates.size());
            OffsetDateTime published = i < archiveSize
                    ? now.minusSeconds(ARCHIVE_SPACING_SECONDS * i)
                    : now;
            SampleArticle copied = random.nextInt(SYNDICATION_EVERY) == 0
                    ? copySource(template, latestByOutlet) : null;
            SampleArticle made = copied != null
                    ? new SampleArticle(template.outletId(), copied.slug().replaceAll("-s\\d+$", "") + "-s" + i,
                            copied.title(), copied.author(), published, copied.lang(), template.section(),
                            copied.summary(), copied.paragraphs(), copied.topics())
                    : recombine(template, i, published, donors, random);
            latestByOutlet.put(made.outletId(), made);
            (i < archiveSize ? archive : live).add(made);
        }
        Map<String, List<SampleArticle>> archiveByOutlet = byOutlet(sample.outlets(), archive);
        Map<String, List<SampleArticle>> all = byOutlet(sample.outlets(), archive);
        // Live articles go first in their outlet's list: they are the newest.
        for (Map.Entry<String, List<SampleArticle>> e : byOutlet(sample.outlets(), live).entrySet()) {
            List<SampleArticle> merged = new ArrayList<>(e.getValue());
            java.util.Collections.reverse(merged);
            merged.addAll(all.get(e.getKey()));
            all.put(e.getKey(), merged);
        }
        return new SyntheticCorpus(SampleCorpus.of(sample.outlets(), all), archiveByOutlet, List.copyOf(archive), List.copyOf(live));
    }

    /** Archive and live articles together, for rendering pages; each outlet's articles newest first. */
    public SampleCorpus corpus() {
        return corpus;
    }

    /** The archive, in generation order (newest first overall). */
    public List<SampleArticle> archive() {
        return archive;
    }

    /** The outlet's archive articles, newest first. */
    public List<SampleArticle> archiveOf(Outlet outlet) {
        return archiveByOutlet.getOrDefault(outlet.id(), List.of());
    }

    /** The live articles, in release order. */
    public List<SampleArticle> live() {
        return live;
    }

    private static SampleArticle copySource(SampleArticle template, Map<String, SampleArticle> latestByOutlet) {
        for (SampleArticle candidate : latestByOutlet.values()) {
            if (!candidate.outletId().equals(template.outletId()) && candidate.lang().equals(template.lang())) {
                return candidate;
            }
        }
        return null;
    }

    private static SampleArticle recombine(SampleArticle template, int i, OffsetDateTime published, Donors donors,
            SplittableRandom random) {
        List<SampleArticle> pool = donors.of(template);
        List<String> paragraphs = new ArrayList<>(template.paragraphs().size());
        paragraphs.add(template.paragraphs().get(0));
        for (int p = 1; p < template.paragraphs().size(); p++) {
            SampleArticle donor = pool.get(random.nextInt(pool.size()));
            List<String> from = donor.paragraphs().size() > 1 ? donor.paragraphs().subList(1, donor.paragraphs().size())
                    : donor.paragraphs();
            paragraphs.add(from.get(random.nextInt(from.size())));
        }
        return new SampleArticle(template.outletId(), template.slug() + "-s" + i, template.title(), template.author(),
                published, template.lang(), template.section(), template.summary(), paragraphs, template.topics());
    }

    private static Map<String, List<SampleArticle>> byOutlet(List<Outlet> outlets, List<SampleArticle> articles) {
        Map<String, List<SampleArticle>> byOutlet = new LinkedHashMap<>();
        outlets.forEach(o -> byOutlet.put(o.id(), new ArrayList<>()));
        for (SampleArticle a : articles) {
            byOutlet.get(a.outletId()).add(a);
        }
        return byOutlet;
    }

    /** Articles that may lend paragraphs to a template: same language and same topic labels. */
    private static final class Donors {
        private final Map<String, List<SampleArticle>> byKind = new HashMap<>();

        Donors(List<SampleArticle> sample) {
            for (SampleArticle a : sample) {
                byKind.computeIfAbsent(kind(a.lang(), a.topics()), k -> new ArrayList<>()).add(a);
            }
        }

        List<SampleArticle> of(SampleArticle template) {
            List<SampleArticle> same = byKind.get(kind(template.lang(), template.topics()));
            if (same.size() > 1) {
                return same;
            }
            List<SampleArticle> neutral = byKind.get(kind(template.lang(), List.of()));
            return neutral != null && !neutral.isEmpty() ? neutral : same;
        }

        private static String kind(String lang, List<String> topics) {
            return lang + "|" + topics.stream().sorted().toList();
        }
    }
}
