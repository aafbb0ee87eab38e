package org.ronda.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void idIs32HexCharactersAndStable() {
        String id = ArticleIds.of("https://news.example.my/a/1");

        assertThat(id).matches("[0-9a-f]{32}").isEqualTo(ArticleIds.of("https://news.example.my/a/1"));
    }

    @Test
    void trackingParametersFragmentsCaseWwwAndTrailingSlashesDoNotChangeTheId() {
        String plain = ArticleIds.of("https://news.example.my/nation/scam-raid");

        assertThat(ArticleIds.of("https://NEWS.example.my/nation/scam-raid/?utm_source=fb&utm_medium=social"))
                .isEqualTo(plain);
        assertThat(ArticleIds.of("http://www.news.example.my:80/nation/scam-raid#comments")).isEqualTo(plain);
        assertThat(ArticleIds.of("https://news.example.my:443/nation/scam-raid?fbclid=abc")).isEqualTo(plain);
    }

    @Test
    void ampAndMobileEditionsAreTheSameArticle() {
        String plain = ArticleIds.of("https://www.thestar.example/news/nation/2026/10/05/scam-raid");

        assertThat(ArticleIds.of("https://m.thestar.example/news/nation/2026/10/05/scam-raid")).isEqualTo(plain);
        assertThat(ArticleIds.of("https://amp.thestar.example/news/nation/2026/10/05/scam-raid")).isEqualTo(plain);
        assertThat(ArticleIds.of("https://www.thestar.example/news/nation/2026/10/05/scam-raid/amp")).isEqualTo(plain);
        assertThat(ArticleIds.of("https://www.thestar.example/amp/news/nation/2026/10/05/scam-raid")).isEqualTo(plain);
        assertThat(ArticleIds.of("https://www.thestar.example/news/nation/2026/10/05/scam-raid?amp=1&utm_source=x")).isEqualTo(plain);
        assertThat(ArticleIds.of("https://www.thestar.example/news/a.amp.html")).isEqualTo(ArticleIds.of("https://thestar.example/news/a.html"));
        assertThat(ArticleIds.of("https://m.example/a")).as("a two-label host keeps its name").isNotEqualTo(ArticleIds.of("https://example/a"));
    }

    @Test
    void meaningfulParametersAndPortsKeepArticlesApart() {
        assertThat(ArticleIds.of("https://news.example.my/story?id=1"))
                .isNotEqualTo(ArticleIds.of("https://news.example.my/story?id=2"));
        assertThat(ArticleIds.of("http://127.0.0.1:8090/a")).isNotEqualTo(ArticleIds.of("http://127.0.0.1:8091/a"));
        assertThat(ArticleIds.normalise("https://x.example/s?b=2&a=1")).isEqualTo("http://x.example/s?a=1&b=2");
    }

    @Test
    void nonHttpUrlsAreRefused() {
        assertThatThrownBy(() -> ArticleIds.of("ftp://x.example/a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArticleIds.of("/relative/path")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArticleIds.of("http://bad host/")).isInstanceOf(IllegalArgumentException.class);
    }
}
