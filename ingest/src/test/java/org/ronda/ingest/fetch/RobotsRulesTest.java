package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Pure logic: robots.txt parsing and matching after RFC 9309, with the cases its examples cover. */
class RobotsRulesTest {

    private static final String TOKEN = "RondaBot";

    @Test
    void ourGroupWinsOverTheStarGroup() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /

                User-agent: rondabot
                Disallow: /private/
                """, TOKEN);

        assertThat(rules.allows("/news/1")).isTrue();
        assertThat(rules.allows("/private/x")).isFalse();
    }

    @Test
    void theStarGroupAppliesWhenNoGroupNamesUs() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: OtherBot
                Disallow: /

                User-agent: *
                Disallow: /search
                """, TOKEN);

        assertThat(rules.allows("/news")).isTrue();
        assertThat(rules.allows("/search?q=x")).isFalse();
    }

    @Test
    void noMatchingGroupAllowsEverything() {
        RobotsRules rules = RobotsRules.parse("User-agent: OtherBot\nDisallow: /\n", TOKEN);

        assertThat(rules.allows("/anything")).isTrue();
        assertThat(RobotsRules.allowAll().allows("/anything")).isTrue();
    }

    @Test
    void agentLinesShareAGroupAndRepeatedGroupsMerge() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: ExampleBot
                User-agent: RondaBot/1.2
                Disallow: /a

                User-agent: *
                Disallow: /c

                user-agent: RONDABOT
                disallow: /b
                """, TOKEN);

        assertThat(rules.allows("/a")).isFalse();
        assertThat(rules.allows("/b")).isFalse();
        assertThat(rules.allows("/c")).isTrue();
    }

    @Test
    void theLongestMatchWinsAndATieAllows() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /news
                Allow: /news/public
                Disallow: /news/public/drafts
                Allow: /page
                Disallow: /page
                """, TOKEN);

        assertThat(rules.allows("/news/1")).isFalse();
        assertThat(rules.allows("/news/public/1")).isTrue();
        assertThat(rules.allows("/news/public/drafts/2")).isFalse();
        assertThat(rules.allows("/page")).isTrue();
    }

    @Test
    void wildcardsAndEndAnchor() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /*.pdf$
                Disallow: /*/print
                Disallow: /fish*
                Allow: /*.pdf?inline$
                """, TOKEN);

        assertThat(rules.allows("/report.pdf")).isFalse();
        assertThat(rules.allows("/report.pdf?x=1")).isTrue();
        assertThat(rules.allows("/report.pdf?inline")).isTrue();
        assertThat(rules.allows("/a/b/print/3")).isFalse();
        assertThat(rules.allows("/print")).isTrue();
        assertThat(rules.allows("/fishing")).isFalse();
        assertThat(rules.allows("/Fish")).isTrue();
    }

    @Test
    void manyStarsStayFast() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*b$\n", TOKEN);
        String path = "/" + "a".repeat(5000);

        long start = System.nanoTime();
        assertThat(rules.allows(path)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void emptyDisallowAllowsAndRobotsTxtIsAlwaysAllowed() {
        RobotsRules open = RobotsRules.parse("User-agent: *\nDisallow:\n", TOKEN);
        RobotsRules closed = RobotsRules.parse("User-agent: *\nDisallow: /\n", TOKEN);

        assertThat(open.allows("/x")).isTrue();
        assertThat(closed.allows("/x")).isFalse();
        assertThat(closed.allows("/robots.txt")).isTrue();
    }

    @Test
    void percentEncodingIsComparedInOneForm() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /ข่าว/
                Disallow: /%7ejoe/
                Disallow: /a%2fb
                """, TOKEN);

        assertThat(rules.allows(URI.create("http://h/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/1"))).isFalse();
        assertThat(rules.allows("/~joe/index.html")).isFalse();
        assertThat(rules.allows("/a%2Fb")).isFalse();
        assertThat(rules.allows("/a/b")).isTrue();
    }

    @Test
    void commentsBomAndUnknownLinesAreIgnored() {
        RobotsRules rules = RobotsRules.parse("\uFEFF# robots for news.test\r\n"
                + "Sitemap: https://news.test/sitemap.xml\r\n"
                + "User-agent: * # everyone\r\n"
                + "Noindex: /x\r\n"
                + "Disallow: /tmp # scratch\r\n", TOKEN);

        assertThat(rules.allows("/tmp/1")).isFalse();
        assertThat(rules.allows("/x")).isTrue();
    }

    @Test
    void rulesBeforeAnyAgentLineBelongToNoGroup() {
        RobotsRules rules = RobotsRules.parse("Disallow: /\nUser-agent: *\nDisallow: /b\n", TOKEN);

        assertThat(rules.allows("/a")).isTrue();
        assertThat(rules.allows("/b")).isFalse();
    }

    @Test
    void crawlDelayOfTheChosenGroup() {
        RobotsRules ours = RobotsRules.parse("""
                User-agent: *
                Crawl-delay: 10

                User-agent: RondaBot
                Crawl-delay: 2.5
                Disallow: /x
                """, TOKEN);
        RobotsRules star = RobotsRules.parse("User-agent: *\nCrawl-delay: 4\n", TOKEN);
        RobotsRules broken = RobotsRules.parse("User-agent: *\nCrawl-delay: soon\n", TOKEN);

        assertThat(ours.crawlDelay()).contains(Duration.ofMillis(2500));
        assertThat(star.crawlDelay()).contains(Duration.ofSeconds(4));
        assertThat(broken.crawlDelay()).isEmpty();
    }

    @Test
    void aUrlIsMatchedByPathAndQuery() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /*?print=\n", TOKEN);

        assertThat(rules.allows(URI.create("https://news.test/a?print=1"))).isFalse();
        assertThat(rules.allows(URI.create("https://news.test/a"))).isTrue();
        assertThat(rules.allows(URI.create("https://news.test"))).isTrue();
    }
}
