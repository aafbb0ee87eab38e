package org.ronda.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The body of a page that renders it in the browser: the paragraphs in the page's JSON state
 * ({@code __NEXT_DATA__} of Next.js, {@code Fusion.globalContent} of Arc XP, any JSON whose
 * story has {@code content_elements} or an HTML body), or the {@code articleBody} of its JSON-LD.
 * Read only when the markup's body is too short to be the article.
 */
final class EmbeddedBody {

    // CSS queries parsed once: parsing one costs about as much as running it on a page.
    private static final Evaluator STATE_SCRIPT = Selector.evaluatorOf("script#__NEXT_DATA__, script[type=application/json], script:not([src])");
    private static final Evaluator TEXT_BLOCK = Selector.evaluatorOf("p, h2, h3, h4, li");

    private static final Set<String> TEXT_TYPES = Set.of("text", "paragraph", "header", "heading", "subheading");
    private static final Set<String> HTML_KEYS = Set.of("body", "content", "html", "bodyhtml", "body_html", "articlebody",
            "contenthtml", "content_html", "rendered", "story", "text");
    private static final int MIN_HTML_CHARS = 200;
    private static final int MAX_DEPTH = 40;

    private EmbeddedBody() {
    }

    /** The JSON state scripts of a page, read before the scripts are removed from it. */
    static List<String> stateScripts(Document page) {
        List<String> scripts = new ArrayList<>();
        for (Element script : page.select(STATE_SCRIPT)) {
            String data = script.data();
            if (data.contains("content_elements") || script.id().equals("__NEXT_DATA__")
                    || (script.attr("type").equals("application/json") && data.contains("<p"))) {
                scripts.add(data);
            }
        }
        return scripts;
    }

    /** The longest body found in the state scripts or the JSON-LD {@code articleBody}, as paragraphs; may be empty. */
    static List<String> paragraphs(List<String> stateScripts, List<JsonNode> jsonLd) {
        List<String> best = new ArrayList<>();
        for (String script : stateScripts) {
            JsonNode root = parseState(script);
            if (root != null) {
                search(root, best, 0);
            }
        }
        for (JsonNode node : jsonLd) {
            JsonNode body = node.get("articleBody");
            if (body != null && body.isTextual()) {
                List<String> found = new ArrayList<>();
                for (String line : body.asText().split("\\s*\\n\\s*")) {
                    if (!line.isBlank()) {
                        found.add(line.strip());
                    }
                }
                best = longer(best, found);
            }
        }
        return best;
    }

    private static JsonNode parseState(String script) {
        int start = script.indexOf('{');
        if (start < 0) {
            return null;
        }
        try {
            // Trailing script after the first JSON value (";window.x=...") is ignored by the reader.
            return JsonLd.MAPPER.readTree(script.substring(start));
        } catch (IOException e) {
            return null;
        }
    }

    /** Walks the tree; {@code best} holds the longest body seen so far and is replaced in place. */
    private static void search(JsonNode node, List<String> best, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            List<String> elements = contentElements(node);
            if (!elements.isEmpty()) {
                replaceIfLonger(best, elements);
            }
            for (JsonNode child : node) {
                search(child, best, depth + 1);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                if (value.isTextual() && HTML_KEYS.contains(field.getKey().toLowerCase(Locale.ROOT))
                        && value.asText().length() >= MIN_HTML_CHARS && value.asText().contains("<p")) {
                    replaceIfLonger(best, htmlParagraphs(value.asText()));
                } else if (value.isContainerNode()) {
                    search(value, best, depth + 1);
                }
            }
        }
    }

    /** Arc's ANS: {@code [{"type":"text","content":"<b>...</b>"}, {"type":"list","items":[...]}, ...]}. */
    private static List<String> contentElements(JsonNode array) {
        List<String> paragraphs = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isObject() || !element.path("type").isTextual()) {
                continue;
            }
            String type = element.path("type").asText();
            if (TEXT_TYPES.contains(type)) {
                addText(paragraphs, element.path("content").isTextual() ? element.path("content") : element.path("text"));
            } else if (type.equals("list")) {
                for (JsonNode item : element.path("items")) {
                    addText(paragraphs, item.path("content").isTextual() ? item.path("content") : item.path("text"));
                }
            }
        }
        return paragraphs;
    }

    private static void addText(List<String> paragraphs, JsonNode content) {
        if (content.isTextual()) {
            String text = Jsoup.parseBodyFragment(content.asText()).text().strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
    }

    private static List<String> htmlParagraphs(String html) {
        List<String> paragraphs = new ArrayList<>();
        for (Element block : Jsoup.parseBodyFragment(html).select(TEXT_BLOCK)) {
            String text = block.text().strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        return paragraphs;
    }

    private static void replaceIfLonger(List<String> best, List<String> candidate) {
        if (length(candidate) > length(best)) {
            best.clear();
            best.addAll(candidate);
        }
    }

    private static List<String> longer(List<String> a, List<String> b) {
        return length(b) > length(a) ? b : a;
    }

    private static int length(List<String> paragraphs) {
        int total = 0;
        for (String p : paragraphs) {
            total += p.length();
        }
        return total;
    }
}
