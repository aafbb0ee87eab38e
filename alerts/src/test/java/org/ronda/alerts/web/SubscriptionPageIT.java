package org.ronda.alerts.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.ronda.alerts.TestArticles.article;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ronda.alerts.IsolatedAlerts;
import org.ronda.alerts.rest.SubscriptionApiITSupport;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EventCodec;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.webtest.HeadlessChromium;

/**
 * The subscription page at / in a real browser: a key, a subscription created, refused (bad
 * query, shown at the field, form kept), changed and deleted through the form, and an article
 * produced to the enriched topic showing up live and among the recent alerts with its story size.
 * Real: Kafka, Elasticsearch, the service, Debian's chromium through chromedriver. Faked: nothing;
 * the webhook points at a closed port on 127.0.0.1 and mail goes to the configured SMTP host on
 * 127.0.0.1, so nothing leaves the machine. Screenshots go to target/screenshots.
 */
@QuarkusTest
@QuarkusTestResource(value = SubscriptionPageIT.PageSettings.class, restrictToAnnotatedClass = true)
class SubscriptionPageIT {

    /** A search address that is not the default, to see that the header link follows the setting. */
    static final String SEARCH_URL = "http://127.0.0.1:18084/?from=alerts";
    private static final String HOOK = "http://127.0.0.1:9/ronda-hook";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Isolated topics and index, plus this page's settings. */
    public static class PageSettings extends IsolatedAlerts {
        @Override
        protected Map<String, String> overrides() {
            return Map.of("ronda.alerts.search-url", SEARCH_URL);
        }
    }

    @ConfigProperty(name = "ronda.kafka.bootstrap-servers")
    String bootstrap;

    @ConfigProperty(name = "ronda.alerts.topics.enriched-articles")
    String enrichedTopic;

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void keyCreateRefuseEditLiveAlertsAndDelete() throws Exception {
        browser = HeadlessChromium.start(1280, 900);
        browser.get(base());
        awaitReady();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.id("search-link"), "href", SEARCH_URL));
        assertThat(inputsWithoutLabel()).as("inputs without an accessible label").isEmpty();

        click("get-key");
        String key = visible(By.id("new-key")).getText();
        assertThat(key).isNotBlank();
        assertThat(browser.executeScript("return localStorage.getItem('ronda.alerts.apiKey')")).isEqualTo(key);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#subs li.empty"), "No subscriptions yet."));
        click("hide-new-key");
        assertThat(browser.findElement(By.id("new-key-box")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("key-hint")).getText()).isEqualTo("…" + key.substring(key.length() - 6));

        click("new-sub");
        type("f-name", "Mae Sot scams");
        click("f-topic-scam");
        click("f-country-TH");
        type("f-query", "compound AND (centre");
        type("f-webhook-url", HOOK);
        type("f-email-address", "desk@example.org");
        new Select(browser.findElement(By.id("f-email-mode"))).selectByValue("daily");
        type("f-email-hour", "6");
        assertThat(value("f-email-zone")).isEqualTo(browser.executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"));
        click("save-sub");

        WebElement queryError = visible(By.cssSelector("#sub-form [data-error-for='query']"));
        assertThat(queryError.getText()).startsWith("query: ");
        assertThat(queryError.findElement(By.cssSelector("pre.position")).getText()).isEqualTo("compound AND (centre\n" + " ".repeat(13) + "^");
        assertThat(browser.findElement(By.id("f-query")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("#sub-form [data-error-for]:not([hidden])"))).hasSize(1);
        assertThat(browser.findElement(By.id("form-panel")).isDisplayed()).isTrue();
        assertThat(value("f-name")).isEqualTo("Mae Sot scams");
        assertThat(browser.findElement(By.id("f-topic-scam")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("f-country-TH")).isSelected()).isTrue();
        assertThat(value("f-webhook-url")).isEqualTo(HOOK);
        assertThat(value("f-email-hour")).isEqualTo("6");
        given().auth().oauth2(key).get("/api/subscriptions").then().statusCode(200).body("$", hasSize(0));
        screenshot("alerts-query-error-1280.png");

        type("f-query", "compound OR centre");
        click("save-sub");
        WebElement notice = visible(By.id("notice"));
        assertThat(notice.getText()).startsWith("Created \"Mae Sot scams\".");
        String secret = browser.findElement(By.id("webhook-secret")).getText();
        assertThat(secret).startsWith("whsec_");
        assertThat(browser.findElement(By.id("form-panel")).isDisplayed()).isFalse();
        WebElement item = subscription("Mae Sot scams");
        String id = item.getDomAttribute("data-id");
        assertThat(item.findElement(By.className("criteria")).getText())
                .isEqualTo("topics: Scams and fraud; countries: TH; query: compound OR centre");
        assertThat(item.findElement(By.className("delivery")).getText()).startsWith("webhook " + HOOK + "; e-mail desk@example.org, daily at 6:00 ");
        assertThat(item.findElement(By.className("feed-link")).getDomProperty("href")).contains("/alerts/feeds/" + id + ".atom?key=");

        item.findElement(By.className("edit")).click();
        visible(By.id("form-heading"));
        assertThat(browser.findElement(By.id("form-heading")).getText()).isEqualTo("Edit \"Mae Sot scams\"");
        assertThat(value("f-query")).isEqualTo("compound OR centre");
        assertThat(new Select(browser.findElement(By.id("f-email-mode"))).getFirstSelectedOption().getDomProperty("value")).isEqualTo("daily");
        type("f-name", "Thai scam compounds");
        type("f-languages", "en");
        click("save-sub");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Saved \"Thai scam compounds\"."));
        assertThat(browser.findElement(By.id("webhook-secret")).getText()).as("secret survives an edit").isEqualTo(secret);
        item = subscription("Thai scam compounds");
        assertThat(item.getDomAttribute("data-id")).isEqualTo(id);
        assertThat(item.findElement(By.className("criteria")).getText()).contains("languages: en");
        assertThat(browser.findElements(By.cssSelector("#subs li.sub"))).hasSize(1);
        given().auth().oauth2(key).get("/api/subscriptions/" + id).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Thai scam compounds")).body("languages", hasSize(1));

        item.findElement(By.className("show-alerts")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "open"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#recent-alerts li.empty"), "No alerts yet."));

        String cluster = "c-page-" + UUID.randomUUID();
        EnrichedArticle first = article("Police raid scam compound near Mae Sot", "Thai police freed 120 workers from a scam compound.")
                .outlet("Bangkok Wire", "TH").topic("scam").country("TH").cluster(cluster, true).enrichedAt(Instant.now()).build();
        send(first);
        WebElement live = visible(By.cssSelector("#live-alerts li.alert"));
        String alertId = id + "/" + cluster;
        assertThat(live.getDomAttribute("data-alert-id")).isEqualTo(alertId);
        assertThat(live.findElement(By.className("alert-title")).getText()).isEqualTo("Police raid scam compound near Mae Sot");
        assertThat(live.findElement(By.className("story")).getText()).isEqualTo("in 1 outlet");

        EnrichedArticle copy = article("Scam compound raided near Mae Sot", "Thai police freed 120 workers from a scam compound.")
                .outlet("Khmer Ledger", "KH").topic("scam").country("TH").cluster(cluster, false).enrichedAt(Instant.now()).build();
        send(copy);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#live-alerts li.alert .story"), "in 2 outlets"));
        assertThat(browser.findElements(By.cssSelector("#live-alerts li.alert"))).as("the update replaced the row").hasSize(1);
        live = browser.findElement(By.cssSelector("#live-alerts li.alert"));
        assertThat(live.getDomAttribute("data-revision")).isEqualTo("2");
        assertThat(live.findElement(By.className("alert-title")).getText()).isEqualTo("Scam compound raided near Mae Sot");

        // The recent list reads the alert index, which the recorder fills a moment after the stream.
        // Look first, then ask again: a click marks the list loading until its answer is drawn.
        WebElement recent = new WebDriverWait(browser, WAIT).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#recent-alerts[data-loading='false'] li.alert[data-revision='2']"));
            if (rows.isEmpty()) {
                d.findElement(By.id("refresh-alerts")).click();
                return null;
            }
            return rows.get(0);
        });
        assertThat(recent.getDomAttribute("data-alert-id")).isEqualTo(alertId);
        assertThat(recent.findElement(By.className("alert-title")).getDomProperty("href")).isEqualTo(copy.article().url());
        assertThat(recent.findElement(By.className("outlet")).getText()).isEqualTo("Khmer Ledger (KH)");
        assertThat(recent.findElement(By.className("story")).getText()).isEqualTo("in 2 outlets");
        assertThat(recent.findElement(By.cssSelector(".evidence .tag")).getText()).isEqualTo("Scams and fraud: 'scam'");
        assertThat(recent.findElement(By.className("snippet")).getText()).contains("freed 120 workers");
        assertThat(recent.findElement(By.tagName("time")).getText()).isNotBlank();
        screenshot("alerts-live-1280.png");

        item = subscription("Thai scam compounds");
        item.findElement(By.className("delete")).click();
        WebElement confirm = item.findElement(By.className("confirm"));
        assertThat(confirm.isDisplayed()).isTrue();
        confirm.findElement(By.className("confirm-delete")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#subs li.empty"), "No subscriptions yet."));
        assertThat(browser.findElement(By.id("alerts-panel")).isDisplayed()).isFalse();
        given().auth().oauth2(key).get("/api/subscriptions/" + id).then().statusCode(404);

        click("forget-key");
        assertThat(browser.executeScript("return localStorage.getItem('ronda.alerts.apiKey')")).isNull();
        assertThat(browser.findElement(By.id("subs-panel")).isDisplayed()).isFalse();
        type("paste-key", key);
        click("use-key");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#subs li.empty"), "No subscriptions yet."));
        assertThat(browser.findElement(By.id("new-key-box")).isDisplayed()).as("a pasted key is not shown again").isFalse();
    }

    @Test
    void phoneWidthHasNoHorizontalScroll() throws Exception {
        String key = SubscriptionApiITSupport.newKey();
        SubscriptionApiITSupport.create(key, "{\"name\":\"Trafficking and scams across the Mekong with a long name\","
                + "\"topics\":[\"human-trafficking\",\"scam\",\"money-laundering\"],\"countries\":[\"KH\",\"LA\",\"MM\",\"TH\"],"
                + "\"webhook\":{\"url\":\"" + HOOK + "/with/a/rather/long/path/that/could/overflow/a/phone/screen\"},"
                + "\"email\":{\"address\":\"mekong.desk.with.a.long.address@example.org\",\"mode\":\"hourly\",\"timeZone\":\"Asia/Phnom_Penh\"}}");
        browser = HeadlessChromium.start(390, 844);
        browser.get(base());
        awaitReady();
        assertThat(((Number) browser.executeScript("return window.innerWidth")).intValue()).isEqualTo(390);
        assertNoHorizontalScroll("key panel");

        type("paste-key", key);
        click("use-key");
        WebElement item = subscription("Trafficking and scams across the Mekong with a long name");
        assertNoHorizontalScroll("list");
        screenshot("alerts-list-390.png");

        item.findElement(By.className("edit")).click();
        visible(By.id("form-heading"));
        type("f-query", "\"scam compound");
        click("save-sub");
        visible(By.cssSelector("#sub-form [data-error-for='query'] pre.position"));
        assertNoHorizontalScroll("form with a query error");
        assertThat(inputsWithoutLabel()).as("inputs without an accessible label").isEmpty();
        screenshot("alerts-form-390.png");

        click("cancel-sub");
        item = subscription("Trafficking and scams across the Mekong with a long name");
        item.findElement(By.className("show-alerts")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "open"));
        assertNoHorizontalScroll("alerts panel");
    }

    private String base() {
        return "http://127.0.0.1:" + root.getPort() + "/";
    }

    private void awaitReady() {
        new WebDriverWait(browser, WAIT).until(d -> "true".equals(browser.executeScript("return document.body.dataset.ready || null")));
    }

    private WebElement visible(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void click(String id) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void type(String id, String text) {
        WebElement input = visible(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    private WebElement subscription(String name) {
        return new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector("#subs li.sub")).stream()
                .filter(li -> li.findElement(By.className("sub-name")).getText().equals(name)).findFirst().orElse(null));
    }

    /** Ids (or tags) of visible and hidden form controls that no label, aria-label or aria-labelledby names. */
    @SuppressWarnings("unchecked")
    private List<String> inputsWithoutLabel() {
        return (List<String>) browser.executeScript("""
                return [...document.querySelectorAll('input, select, textarea')]
                  .filter(i => !(i.labels && i.labels.length) && !i.getAttribute('aria-label') && !i.getAttribute('aria-labelledby'))
                  .map(i => i.id || i.outerHTML);""");
    }

    private void assertNoHorizontalScroll(String where) {
        long scrollWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(scrollWidth).as("page width with the " + where + " on a 390 px screen").isLessThanOrEqualTo(390);
    }

    private void send(EnrichedArticle a) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(KafkaClientProperties.producer(bootstrap, "it-subscription-page"))) {
            p.send(new ProducerRecord<>(enrichedTopic, a.articleId(), EventCodec.encode(a))).get();
        }
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
