package org.ronda.alerts.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.Taxonomy;
import org.ronda.contracts.TopicTag;
import org.ronda.sample.Outlet;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;
import org.ronda.tagging.organisation.OrganisationTagger;
import org.ronda.tagging.place.CountryTagger;

/**
 * The bundled sample of regional news as enriched articles (topics from the sample's labels,
 * countries and organisations from the gazetteers), and subscriptions generated from its own words,
 * so that matching is measured on the mix of topics, languages and queries the service sees.
 */
final class BenchCorpus {

    private final List<EnrichedArticle> articles = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    private final List<String> phrases = new ArrayList<>();
    private final List<String> outlets = new ArrayList<>();
    private final List<String> organisations = new ArrayList<>();

    BenchCorpus() {
        SampleCorpus corpus = SampleCorpus.load();
        CountryTagger countries = CountryTagger.loadDefault();
        OrganisationTagger orgs = OrganisationTagger.loadDefault();
        Map<String, Outlet> byId = new HashMap<>();
        corpus.outlets().forEach(o -> byId.put(o.id(), o));
        Map<String, Integer> documentFrequency = new TreeMap<>();
        Map<String, Integer> bigrams = new TreeMap<>();
        for (SampleArticle s : corpus.articles()) {
            Outlet o = byId.get(s.outletId());
            String text = String.join("\n\n", s.paragraphs());
            String url = "http://127.0.0.1:1/" + s.outletId() + "/" + s.slug();
            Instant t = s.published().toInstant();
            RawArticle raw = new RawArticle(1, UUID.randomUUID().toString(), ArticleIds.of(url), t, url, "http://127.0.0.1:1/feed",
                    new SourceRef(o.id(), o.name(), o.country(), o.language(), "media"), s.title(), text, s.author(), t, s.lang(), t,
                    null, null, null, false, null);
            List<TopicTag> topics = s.topics().stream()
                    .map(id -> new TopicTag(id, 1.0, List.of(new Evidence(id, "text", 0, 1)))).toList();
            articles.add(new EnrichedArticle(1, UUID.randomUUID().toString(), raw.articleId(), t, raw, new Enrichment("bench", s.lang(),
                    topics, t, countries.tag(s.title(), text), orgs.tag(s.title(), text), raw.articleId(), true)));
            if (!outlets.contains(o.name())) {
                outlets.add(o.name());
            }
            orgs.tag(s.title(), text).forEach(e -> {
                if (!organisations.contains(e.id())) {
                    organisations.add(e.id());
                }
            });
            if ("en".equals(s.lang()) || "ms".equals(s.lang()) || "id".equals(s.lang())) {
                String[] tokens = (s.title() + " " + text).toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (int i = 0; i < tokens.length; i++) {
                    if (tokens[i].length() >= 5 && seen.add(tokens[i])) {
                        documentFrequency.merge(tokens[i], 1, Integer::sum);
                    }
                    if (i > 0 && tokens[i].length() >= 4 && tokens[i - 1].length() >= 4) {
                        bigrams.merge(tokens[i - 1] + " " + tokens[i], 1, Integer::sum);
                    }
                }
            }
        }
        // Words of two or more articles but not of most: what people follow (names, crimes, places).
        documentFrequency.forEach((w, n) -> {
            if (n >= 2 && n <= corpus.articles().size() / 4) {
                words.add(w);
            }
        });
        bigrams.forEach((b, n) -> {
            if (n >= 2) {
                phrases.add(b);
            }
        });
    }

    List<EnrichedArticle> articles() {
        return articles;
    }

    int vocabulary() {
        return words.size();
    }

    /**
     * A copy of {@code template} as a new article: its own URL (so its own article id), event ids and
     * story cluster, enriched and emitted at {@code now}. Every copy makes new alerts.
     */
    static EnrichedArticle fresh(EnrichedArticle template, String url, String clusterId, Instant now) {
        RawArticle t = template.article();
        String articleId = ArticleIds.of(url);
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, UUID.randomUUID().toString(), articleId, now, url, t.feedUrl(),
                t.source(), t.title(), t.text(), t.author(), t.publishedAt(), t.language(), now, null, null, null, false, null);
        Enrichment e = template.enrichment();
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, UUID.randomUUID().toString(), articleId, now, raw,
                new Enrichment(e.rulesVersion(), e.language(), e.topics(), now, e.countries(), e.organisations(), clusterId, true));
    }

    /** {@code s} with a webhook to {@code url}. */
    static Subscription withWebhook(Subscription s, String url, String secret) {
        return new Subscription(s.schemaVersion(), s.id(), s.ownerKeyHash(), s.name(), s.topics(), s.countries(), s.organisations(),
                s.languages(), s.outlets(), s.query(), new Subscription.Webhook(url, secret), s.email(), s.feedKey(), s.unsubscribeKey(),
                s.createdAt(), s.updatedAt());
    }

    /** {@code n} subscriptions, the same for the same seed. */
    List<Subscription> subscriptions(int n, long seed) {
        Random r = new Random(seed);
        List<String> countryCodes = List.of("TH", "MY", "ID", "PH", "VN", "KH", "LA", "MM", "SG", "BN", "TL", "CN", "US", "AU");
        List<String> languages = List.of("en", "ms", "id", "vi", "th", "tl");
        List<Subscription> subs = new ArrayList<>(n);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            List<String> topics = List.of();
            List<String> countries = List.of();
            List<String> orgs = List.of();
            List<String> langs = List.of();
            List<String> outletNames = List.of();
            String query = null;
            int kind = r.nextInt(100);
            if (kind < 25) {
                topics = pick(r, Taxonomy.TOPIC_IDS, 1 + r.nextInt(2));
            } else if (kind < 45) {
                topics = pick(r, Taxonomy.TOPIC_IDS, 1);
                countries = pick(r, countryCodes, 1 + r.nextInt(2));
            } else if (kind < 80) {
                query = query(r);
            } else if (kind < 92) {
                query = query(r);
                topics = pick(r, Taxonomy.TOPIC_IDS, 1);
            } else if (kind < 96) {
                orgs = pick(r, organisations, 1);
                langs = r.nextBoolean() ? pick(r, languages, 1) : List.of();
            } else {
                outletNames = pick(r, outlets, 1);
                topics = pick(r, Taxonomy.TOPIC_IDS, 1);
            }
            subs.add(new Subscription(1, String.format("sub_%024x", i), "0".repeat(64), "bench " + i, topics, countries, orgs, langs,
                    outletNames, query, null, null, "f" + i, "u" + i, t, t));
        }
        return subs;
    }

    private String query(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> word(r);
            case 1 -> word(r) + " " + word(r);
            case 2 -> '"' + phrases.get(r.nextInt(phrases.size())) + '"';
            case 3 -> "(" + word(r) + " OR " + word(r) + ") -" + word(r);
            default -> word(r).substring(0, 5) + "*";
        };
    }

    private String word(Random r) {
        return words.get(r.nextInt(words.size()));
    }

    private static List<String> pick(Random r, List<String> from, int k) {
        List<String> out = new ArrayList<>();
        while (out.size() < Math.min(k, from.size())) {
            String v = from.get(r.nextInt(from.size()));
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }
}
