package org.ronda.sample;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled sample of regional news: outlets and their articles, validated on load and
 * immutable afterwards.
 *
 * <p>An article's URL path is {@code /<outlet-id>/<section>/<yyyy>/<MM>/<dd>/<slug>}, with the
 * publication date taken in the outlet's own time zone, as a newsroom's CMS would write it.
 */
public final class SampleCorpus {

    /** The classpath folder of the bundled corpus. */
    public static final String BUNDLED = "/sample-news";

    private static final DateTimeFormatter PATH_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final List<Outlet> outlets;
    private final Map<String, Outlet> outletsById = new LinkedHashMap<>();
    private final Map<String, List<SampleArticle>> articlesByOutlet = new LinkedHashMap<>();
    private final Map<String, SampleArticle> articlesByPath = new LinkedHashMap<>();
    /** Position of each article in its outlet's list; pages ask for it once per render, so a list scan would be quadratic. */
    private final Map<SampleArticle, Integer> indexes = new IdentityHashMap<>();
    private final List<SampleArticle> articles;

    /** Takes validated data: outlets in file order, each outlet's articles newest first. */
    SampleCorpus(List<Outlet> outlets, Map<String, List<SampleArticle>> articlesByOutlet) {
        this.outlets = List.copyOf(outlets);
        List<SampleArticle> all = new ArrayList<>();
        for (Outlet outlet : this.outlets) {
            outletsById.put(outlet.id(), outlet);
            List<SampleArticle> own = List.copyOf(articlesByOutlet.getOrDefault(outlet.id(), List.of()));
            this.articlesByOutlet.put(outlet.id(), own);
            for (int i = 0; i < own.size(); i++) {
                indexes.putIfAbsent(own.get(i), i);
            }
            all.addAll(own);
        }
        this.articles = List.copyOf(all);
        for (SampleArticle article : articles) {
            articlesByPath.put(pathOf(article), article);
        }
    }

    /**
     * A corpus of articles made elsewhere (a generator), taken as they are: the caller guarantees
     * what {@link #load(String)} would check, in particular unique slugs per outlet and each
     * outlet's articles newest first.
     *
     * @param articlesByOutlet each outlet's articles, newest first, keyed by outlet id
     */
    public static SampleCorpus of(List<Outlet> outlets, Map<String, List<SampleArticle>> articlesByOutlet) {
        return new SampleCorpus(outlets, articlesByOutlet);
    }

    /** Loads and validates the corpus bundled in this module. */
    public static SampleCorpus load() {
        return load(BUNDLED);
    }

    /**
     * Loads and validates the corpus under a classpath folder that holds {@code outlets.json} and
     * {@code articles/<outlet-id>.json}.
     *
     * @throws CorpusException listing every defect, each with its file and outlet or article
     */
    public static SampleCorpus load(String resourceRoot) {
        return new CorpusReader(resourceRoot).read();
    }

    /** Every outlet, in the order of {@code outlets.json}. */
    public List<Outlet> outlets() {
        return outlets;
    }

    /** The outlet with this id, if any. */
    public Optional<Outlet> outlet(String id) {
        return Optional.ofNullable(outletsById.get(id));
    }

    /**
     * The outlet that published {@code article}.
     *
     * @throws IllegalArgumentException if the article's outlet is not in this corpus
     */
    public Outlet outletOf(SampleArticle article) {
        Outlet outlet = outletsById.get(article.outletId());
        if (outlet == null) {
            throw new IllegalArgumentException("no outlet '" + article.outletId() + "' in this corpus");
        }
        return outlet;
    }

    /** Every article: outlets in file order, each outlet's articles newest first. */
    public List<SampleArticle> articles() {
        return articles;
    }

    /**
     * The outlet's articles, newest first (ties by slug). An article's position in this list is
     * its index, from which page and feed rendering derive their variations.
     */
    public List<SampleArticle> articlesOf(Outlet outlet) {
        return articlesByOutlet.getOrDefault(outlet.id(), List.of());
    }

    /** The article's position in {@link #articlesOf(Outlet)} of its outlet. */
    public int indexOf(SampleArticle article) {
        Integer index = indexes.get(article);
        if (index == null) {
            index = articlesByOutlet.getOrDefault(article.outletId(), List.of()).indexOf(article);
        }
        if (index < 0) {
            throw new IllegalArgumentException("article '" + article.slug() + "' is not in this corpus");
        }
        return index;
    }

    /** The URL path of the article: {@code /<outlet-id>/<section>/<yyyy>/<MM>/<dd>/<slug>}. */
    public String pathOf(SampleArticle article) {
        Outlet outlet = outletOf(article);
        String date = article.published().atZoneSameInstant(outlet.timeZone()).format(PATH_DATE);
        return "/" + outlet.id() + "/" + article.section() + "/" + date + "/" + article.slug();
    }

    /** The article whose {@link #pathOf(SampleArticle) path} is {@code path}, if any. */
    public Optional<SampleArticle> articleAt(String path) {
        return Optional.ofNullable(articlesByPath.get(path));
    }
}
