package org.ronda.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.search.config.SearchConfig;
import org.ronda.search.rest.IsolatedSearchIndex;
import org.ronda.webtest.HeadlessChromium;

/**
 * The researcher page at / in a real browser over SearchResourceIT's 30 articles. Real:
 * Elasticsearch, the service, Debian's chromium through chromedriver. Faked: nothing. Screenshots
 * go to target/screenshots.
 */
@QuarkusTest
@WithTestResource(IsolatedSearchIndex.class)
class ResearcherPageIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ElasticsearchClient client;

    @Inject
    SearchConfig config;

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;

    @BeforeEach
    void seed() throws IOException {
        SeededArticles.seed(client, config.alias());
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void searchFilterChartExportDetailAndSharedAddress() throws IOException {
        EnrichedArticle raid = SeededArticles.titled("Police raid scam centre in Sihanoukville");
        EnrichedArticle raidCopy = SeededArticles.titled("Police raid scam centre in Sihanoukville, Malaysians freed");
        EnrichedArticle lottery = SeededArticles.titled("Lottery scam victims lose millions");
        browser = HeadlessChromium.start(1280, 900);
        browser.get(base());
        awaitLoaded();
        assertThat(summary()).isEqualTo("30 articles in 29 stories");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.id("alerts-link"), "href", config.alertsUrl()));

        WebElement q = browser.findElement(By.id("q"));
        q.sendKeys("scam");
        browser.findElement(By.id("search-button")).click();
        awaitSummary("3 articles in 2 stories");
        assertThat(resultIds()).hasSize(2).contains(lottery.articleId()).containsAnyOf(raid.articleId(), raidCopy.articleId());
        assertThat(browser.findElements(By.cssSelector("#results .result em")))
                .extracting(WebElement::getText).contains("scam");
        assertThat(browser.findElements(By.cssSelector("#results .evidence .tag")))
                .extracting(WebElement::getText).contains("scam: 'scam centre'");
        WebElement copies = browser.findElement(By.cssSelector("#results .copies-toggle"));
        assertThat(copies.getText()).isEqualTo("+1 outlet");
        copies.click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results .copies li"), 1));

        chip("outlet", "The Star").click();
        awaitSummary("2 articles in 2 stories");
        assertThat(chip("outlet", "The Star").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(resultIds()).containsExactlyInAnyOrder(raidCopy.articleId(), lottery.articleId());
        assertThat(browser.findElements(By.cssSelector("#results .result .outlet")))
                .extracting(WebElement::getText).allMatch(o -> o.equals("The Star (MY)"));
        assertThat(browser.getCurrentUrl()).contains("q=scam").contains("outlet=The+Star");

        Object chartPoints = browser.executeScript(
                "const c = Chart.getChart('coverage-chart'); return c ? c.data.datasets[0].data.reduce((a, b) => a + b, 0) : -1");
        assertThat(((Number) chartPoints).longValue()).as("articles in the chart's bars").isEqualTo(2);
        assertThat(canvasHasInk()).as("chart canvas has pixels drawn").isTrue();

        assertThat(browser.findElement(By.id("export-csv")).getAttribute("href"))
                .contains("/api/search/export?").contains("format=csv").contains("q=scam").contains("outlet=The+Star");
        assertThat(browser.findElement(By.id("export-ndjson")).getAttribute("href"))
                .contains("format=ndjson").contains("q=scam").contains("outlet=The+Star");
        screenshot("researcher-results-1280.png");

        List<String> before = resultIds();
        browser.navigate().refresh();
        awaitLoaded();
        awaitSummary("2 articles in 2 stories");
        assertThat(resultIds()).isEqualTo(before);
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("scam");
        assertThat(chip("outlet", "The Star").getAttribute("aria-pressed")).isEqualTo("true");

        browser.findElement(By.cssSelector("#results a.article-link[data-article-id='" + raidCopy.articleId() + "']")).click();
        WebElement title = new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("detail-title")));
        assertThat(title.getText()).isEqualTo(raidCopy.article().title());
        assertThat(browser.findElement(By.cssSelector("#detail .text")).getText()).startsWith("Malaysians were freed");
        assertThat(browser.findElements(By.cssSelector("#same-story li")))
                .extracting(li -> li.getAttribute("data-article-id")).containsExactly(raid.articleId());
        assertThat(browser.findElement(By.cssSelector("#detail .evidence")).getText()).contains("scam: 'scam centre'");
        assertThat(browser.getCurrentUrl()).contains("article=" + raidCopy.articleId()).contains("q=scam");
        screenshot("researcher-article-1280.png");

        browser.navigate().refresh();
        assertThat(new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("detail-title"))).getText())
                .isEqualTo(raidCopy.article().title());
        browser.findElement(By.id("back")).click();
        awaitSummary("2 articles in 2 stories");
        assertThat(resultIds()).isEqualTo(before);

        WebElement query = browser.findElement(By.id("q"));
        query.clear();
        query.sendKeys("scam \"centre");
        browser.findElement(By.id("search-button")).click();
        WebElement error = new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).contains("unclosed quote at 5");
        assertThat(browser.findElement(By.cssSelector("#error pre.position")).getText()).endsWith("\n     ^");
        screenshot("researcher-syntax-error-1280.png");
    }

    @Test
    void narrowScreenHasOneColumnAndCollapsedFilters() throws IOException {
        browser = HeadlessChromium.start(390, 844);
        browser.get(base() + "?q=police&lang=en");
        awaitLoaded();
        awaitSummary("4 articles in 3 stories");
        assertThat(((Number) browser.executeScript("return window.innerWidth")).intValue()).isEqualTo(390);
        assertThat(horizontalOverflow()).as("page wider than the screen").isLessThanOrEqualTo(0);
        WebElement filters = browser.findElement(By.id("filters"));
        assertThat(filters.getAttribute("open")).as("filters collapsed on a phone").isNull();
        screenshot("researcher-results-390.png");

        filters.findElement(By.tagName("summary")).click();
        browser.findElement(By.cssSelector("details.facet[data-facet='topics'] > summary")).click();
        chip("topics", "human-trafficking").click();
        awaitSummary("3 articles in 2 stories");
        assertThat(browser.getCurrentUrl()).contains("topic=human-trafficking");
        assertThat(horizontalOverflow()).as("page wider than the screen with filters open").isLessThanOrEqualTo(0);
        WebElement main = browser.findElement(By.tagName("main"));
        WebElement aside = browser.findElement(By.tagName("aside"));
        assertThat(main.getRect().getY()).as("results below the filters, one column").isGreaterThan(aside.getRect().getY());
        assertThat(main.getRect().getWidth()).isLessThanOrEqualTo(390);
        screenshot("researcher-filters-390.png");
    }

    private String base() {
        return "http://127.0.0.1:" + root.getPort() + "/";
    }

    private void awaitLoaded() {
        new WebDriverWait(browser, WAIT).until(d -> "false".equals(
                ((JavascriptExecutor) d).executeScript("return document.body.dataset.loading || null")));
    }

    private void awaitSummary(String expected) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("summary"), expected));
    }

    private String summary() {
        return browser.findElement(By.id("summary")).getText();
    }

    private List<String> resultIds() {
        return browser.findElements(By.cssSelector("#results > li.result")).stream()
                .map(li -> li.getAttribute("data-article-id")).toList();
    }

    /** Facet chips live in a facet (param) group; the topics facet is "topic" as a parameter. */
    private WebElement chip(String facetOrParam, String value) {
        String param = facetOrParam.equals("topics") ? "topic" : facetOrParam;
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".chip[data-param='" + param + "'][data-value='" + value + "']")));
    }

    private boolean canvasHasInk() {
        Object ink = browser.executeScript("""
                const canvas = document.getElementById('coverage-chart');
                if (!canvas.width || !canvas.height) return false;
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) return true; }
                return false;""");
        return Boolean.TRUE.equals(ink);
    }

    private long horizontalOverflow() {
        return ((Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
