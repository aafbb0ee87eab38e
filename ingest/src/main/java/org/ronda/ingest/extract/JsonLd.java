package org.ronda.ingest.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/** The JSON-LD nodes of a page, flattened out of arrays and {@code @graph}s, read leniently. */
final class JsonLd {

    // CSS queries parsed once: parsing one costs about as much as running it on a page.
    private static final Evaluator JSON_LD_SCRIPT = Selector.evaluatorOf("script[type=application/ld+json]");

    /**
     * Lenient, since sites hand-write their JSON-LD: raw line breaks inside strings, trailing commas,
     * single quotes and comments are all seen in the wild.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle",
            "liveblogposting", "report", "scholarlyarticle", "techarticle", "socialmediaposting");

    private JsonLd() {
    }

    /** Every node of every JSON-LD script on the page; broken scripts are skipped. */
    static List<JsonNode> read(Document page) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : page.select(JSON_LD_SCRIPT)) {
            try {
                JsonNode root = MAPPER.readTree(script.data().strip());
                if (root != null) {
                    flatten(root, nodes, 0);
                }
            } catch (IOException e) {
                // Broken JSON-LD is common; the other metadata sources still apply.
            }
        }
        return nodes;
    }

    private static void flatten(JsonNode node, List<JsonNode> nodes, int depth) {
        if (depth > 4) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                flatten(child, nodes, depth + 1);
            }
        } else if (node.isObject()) {
            if (node.has("@graph")) {
                flatten(node.get("@graph"), nodes, depth + 1);
            }
            if (node.has("@type") || !node.has("@graph")) {
                nodes.add(node);
            }
            JsonNode mainEntity = node.get("mainEntity");
            if (mainEntity != null && mainEntity.isObject() && mainEntity.has("@type")) {
                flatten(mainEntity, nodes, depth + 1);
            }
        }
    }

    /** True when a node's {@code @type} is an article type ({@code NewsArticle}, {@code BlogPosting}, ...). */
    static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && ARTICLE_TYPES.contains(t.asText().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
        return type.isTextual() && ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }

    /** The article nodes first, then the others, so that an article's fields win over its web page's. */
    static List<JsonNode> articlesFirst(List<JsonNode> nodes) {
        List<JsonNode> ordered = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            if (isArticle(node)) {
                ordered.add(node);
            }
        }
        for (JsonNode node : nodes) {
            if (!isArticle(node)) {
                ordered.add(node);
            }
        }
        return ordered;
    }
}
