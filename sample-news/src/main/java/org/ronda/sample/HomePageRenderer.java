package org.ronda.sample;

import static org.ronda.sample.MarkupEscaper.escape;

import java.time.format.DateTimeFormatter;

/**
 * Renders an outlet's homepage: feed autodiscovery ({@code <link rel="alternate">} with the feed's
 * media type and absolute URL), the site menu, and a link to every article, newest first, by its
 * clean root-relative path.
 */
public final class HomePageRenderer {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final SampleCorpus corpus;
    private final String baseUrl;

    /**
     * @param corpus  the outlets and articles to render
     * @param baseUrl scheme, host and port of the feed link, e.g. {@code http://127.0.0.1:8090}
     */
    public HomePageRenderer(SampleCorpus corpus, String baseUrl) {
        this.corpus = corpus;
        this.baseUrl = baseUrl;
    }

    /** The outlet's homepage. */
    public String render(Outlet outlet) {
        SiteWords words = SiteWords.of(outlet.language());
        StringBuilder h = new StringBuilder(8_000);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(escape(outlet.language())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(escape(outlet.name())).append("</title>\n")
                .append("<link rel=\"canonical\" href=\"").append(escape(baseUrl + outlet.homePath())).append("\">\n")
                .append("<link rel=\"alternate\" type=\"").append(outlet.feedFormat().mediaType())
                .append("\" title=\"").append(escape(outlet.name())).append("\" href=\"")
                .append(escape(baseUrl + outlet.feedPath())).append("\">\n</head>\n<body class=\"home\">\n")
                .append("<header><h1>").append(escape(outlet.name())).append("</h1>\n<nav><ul>\n");
        for (int i = 0; i < words.menu().size(); i++) {
            h.append("<li><a href=\"").append(outlet.homePath()).append(SiteWords.MENU_PATHS.get(i)).append("\">")
                    .append(escape(words.menu().get(i))).append("</a></li>\n");
        }
        h.append("</ul></nav>\n</header>\n<main>\n<ul class=\"latest\">\n");
        for (SampleArticle article : corpus.articlesOf(outlet)) {
            h.append("<li><a href=\"").append(corpus.pathOf(article)).append("\">").append(escape(article.title()))
                    .append("</a> <time datetime=\"")
                    .append(article.published().atZoneSameInstant(outlet.timeZone()).format(RFC_3339))
                    .append("\"></time>\n<p>").append(escape(article.summary())).append("</p></li>\n");
        }
        h.append("</ul>\n</main>\n<footer><p>&copy; 2026 ").append(escape(outlet.name()))
                .append("</p></footer>\n</body>\n</html>\n");
        return h.toString();
    }
}
