package org.ronda.ingest.extract;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Selector;

/**
 * Finds an article's body in its page and returns its paragraphs without boilerplate. Works on
 * the document in place (it removes what it rejects), so metadata must be read before.
 *
 * <p>The steps: remove what a reader never sees (scripts, hidden blocks), note a paywall notice in
 * what is left, remove blocks that are boilerplate by their tag, ARIA role or class words, and
 * picture frames with their captions; turn text written straight into a {@code div} (lines between
 * {@code <br>}) into paragraphs; take the element whose paragraphs hold the most text, with its
 * siblings that are of its kind; then keep each paragraph that is not boilerplate by its words,
 * without the labels inside it.
 */
final class BodyExtractor {

    // CSS queries parsed once: parsing one costs about as much as running it on a page.
    private static final Evaluator ARTICLE_BODY = Selector.evaluatorOf("[itemprop=articleBody]");
    private static final Evaluator HAS_PICTURE = Selector.evaluatorOf(":has(img)");
    private static final Evaluator LINK = Selector.evaluatorOf("a");
    private static final Evaluator LINK_OR_PICTURE = Selector.evaluatorOf("a, img");
    private static final Evaluator LINK_PICTURE_OR_HEADING = Selector.evaluatorOf("a, img, h2, h3, h4, h5, h6");
    private static final Evaluator NESTED_BLOCK = Selector.evaluatorOf("p, div, ul, ol");
    private static final Evaluator PARAGRAPH = Selector.evaluatorOf("p");
    private static final Evaluator PICTURE = Selector.evaluatorOf("img");
    private static final Evaluator TEXT_BLOCK = Selector.evaluatorOf("p, li, h2, h3, h4, h5, h6, pre, blockquote, dt, dd");

    /**
     * What was found.
     *
     * @param paragraphs     the body's paragraphs, in page order
     * @param paywallNotice  whether the page shows a paywall notice to its reader
     * @param trailingByline a byline that closed the body ("Minh Anh", right-aligned), or null
     */
    record Body(List<String> paragraphs, boolean paywallNotice, String trailingByline) {
    }

    private static final Set<String> UNSEEN_TAGS = Set.of("script", "style", "noscript", "template", "svg", "iframe", "object",
            "embed", "canvas", "map", "link", "meta", "audio", "video", "source", "picture");
    private static final Set<String> BOILERPLATE_TAGS = Set.of("nav", "header", "footer", "aside", "figure", "figcaption",
            "dialog", "button", "input", "select", "textarea", "label", "ins", "menu", "h1");
    private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "dialog", "alertdialog", "search", "menu", "menubar", "toolbar");
    private static final Set<String> INLINE_TAGS = Set.of("a", "b", "strong", "em", "i", "u", "span", "small", "sub", "sup",
            "font", "mark", "abbr", "cite", "q", "time", "code", "s", "strike", "big", "del", "ins", "bdi", "bdo", "wbr", "img");
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "pre");
    private static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");
    /** Blocks that sites write text straight into, between {@code <br>}s. */
    private static final Set<String> TEXT_BLOCKS = Set.of("div", "section", "article", "main", "td", "center", "font");
    private static final Set<String> FRAME_TAGS = Set.of("div", "span", "td", "tr", "tbody", "table", "center", "a", "p");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    private static final Pattern RIGHT_ALIGNED = Pattern.compile("text-align\\s*:\\s*right");

    /** Paragraphs shorter than this (Han characters counted twice) do not vote for their container. */
    private static final int MIN_SCORED_CHARS = 25;
    private static final double MAX_LINK_DENSITY = 0.5;
    /** A sibling of the chosen container joins it with this share of its score (chunked bodies between ads). */
    private static final double SIBLING_SHARE = 0.2;
    /** A weakly named block ("ad", "share", "paywall") is the body's wrapper, not boilerplate, with this many long paragraphs. */
    private static final int SUBSTANTIAL_PARAGRAPHS = 2;
    private static final int LONG_PARAGRAPH_CHARS = 100;
    /** A frame around a picture holds no more text than a caption and a credit. */
    private static final int CAPTION_MAX_CHARS = 250;
    /** A paragraph beside a picture that is longer than this is text of its own, not the picture's caption. */
    private static final int CAPTION_RUNNING_TEXT_CHARS = 150;
    private static final int LABEL_MAX_CHARS = 60;
    /** A search, comment or newsletter form holds less text than this; a page wrapped in a form holds more. */
    private static final int FORM_MAX_CHARS = 1_000;
    private static final int BYLINE_MAX_CHARS = 60;
    private static final int DATELINE_MAX_CHARS = 50;

    private final Document page;
    private final String title;
    private final String author;
    private final Set<Element> kept = new HashSet<>();

    BodyExtractor(Document page, Element headline, String title, String author) {
        this.page = page;
        this.title = title;
        this.author = author;
        if (headline != null) {
            keepAncestors(headline);
        }
        for (Element body : page.select(ARTICLE_BODY)) {
            keepAncestors(body);
        }
    }

    private void keepAncestors(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            kept.add(e);
        }
    }

    Body extract() {
        Element root = page.body();
        removeUnseen(root);
        boolean notice = Paywall.hasNotice(root.text());
        removeBoilerplate(root);
        removePictureFrames(root);
        makeParagraphs(root);
        List<Element> containers = containers(root);
        List<Element> blocks = new ArrayList<>();
        for (Element container : containers) {
            collect(container, blocks);
        }
        blocks.removeIf(block -> isInTeaserCard(block, containers));
        return paragraphs(blocks, notice);
    }

    private void removeUnseen(Element element) {
        for (Element child : element.children()) {
            String tag = child.normalName();
            // A hidden block with paragraphs of running text is the rest of an article behind a "read more" button.
            if (UNSEEN_TAGS.contains(tag) || (isHidden(child) && !isSubstantial(child))) {
                child.remove();
            } else {
                removeUnseen(child);
            }
        }
    }

    private static boolean isHidden(Element element) {
        if (element.hasAttr("hidden")) {
            return true;
        }
        String style = element.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style.toLowerCase(Locale.ROOT)).find();
    }

    private void removeBoilerplate(Element element) {
        for (Element child : element.children()) {
            if (isBoilerplate(child)) {
                child.remove();
            } else {
                removeBoilerplate(child);
            }
        }
    }

    private boolean isBoilerplate(Element element) {
        String tag = element.normalName();
        if (tag.equals("form")) {
            // Whole ASP.NET pages sit in one form: a form around the headline or much text is the page, not a widget.
            return !kept.contains(element) && textLength(element, FORM_MAX_CHARS) <= FORM_MAX_CHARS;
        }
        if (BOILERPLATE_TAGS.contains(tag) || tag.startsWith("amp-")) {
            return true;
        }
        if (kept.contains(element)) {
            return false;
        }
        String role = element.attr("role");
        if (!role.isEmpty() && BOILERPLATE_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        BoilerplateNames.Kind kind = BoilerplateNames.kind(element.className());
        if (kind != BoilerplateNames.Kind.STRONG) {
            BoilerplateNames.Kind byId = BoilerplateNames.kind(element.id());
            if (byId.compareTo(kind) > 0) {
                kind = byId;
            }
        }
        switch (kind) {
            case STRONG:
                return true;
            case WEAK:
                return !isSubstantial(element);
            default:
                return element.childrenSize() <= 1 && isLabelElement(element);
        }
    }

    private static boolean isLabelElement(Element element) {
        if (textLength(element, LABEL_MAX_CHARS) > LABEL_MAX_CHARS) {
            return false;
        }
        String text = element.text().strip();
        return !text.isEmpty() && BoilerplateText.isLabel(text);
    }

    /** True when an element holds paragraphs of running text, as a body does and an ad slot or share bar does not. */
    private static boolean isSubstantial(Element element) {
        if (textLength(element, LONG_PARAGRAPH_CHARS * SUBSTANTIAL_PARAGRAPHS) < LONG_PARAGRAPH_CHARS * SUBSTANTIAL_PARAGRAPHS) {
            return false;
        }
        int long_ = 0;
        for (Element p : element.select(PARAGRAPH)) {
            String text = p.text();
            if (weightedLength(text) >= LONG_PARAGRAPH_CHARS && linkDensity(p, text) < 0.3 && ++long_ >= SUBSTANTIAL_PARAGRAPHS) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes the frame around each picture: the picture, its caption and credit, in whatever
     * markup holds them ({@code <table class="tplCaption">}, {@code <div class="photo">}, ...).
     */
    private void removePictureFrames(Element root) {
        for (Element img : root.select(PICTURE)) {
            if (img.parent() == null) {
                continue;
            }
            Element frame = null;
            Element e = img.parent();
            for (int depth = 0; depth < 4 && e != null && e != root && FRAME_TAGS.contains(e.normalName()) && !kept.contains(e); depth++) {
                if (textLength(e, CAPTION_MAX_CHARS) > CAPTION_MAX_CHARS || holdsRunningText(e, img)) {
                    break;
                }
                frame = e;
                e = e.parent();
            }
            if (frame != null) {
                frame.remove();
            } else {
                img.remove();
            }
        }
    }

    /** True when a block holds a paragraph longer than a caption besides the picture: a teaser's text, say. */
    private static boolean holdsRunningText(Element block, Element img) {
        int paragraphs = 0;
        for (Element p : block.select(PARAGRAPH)) {
            if (++paragraphs > 1) {
                return true;
            }
            if (!p.is(HAS_PICTURE) && weightedLength(p.text()) > CAPTION_RUNNING_TEXT_CHARS) {
                return true;
            }
        }
        return false;
    }

    /** Wraps runs of text and inline elements that sit straight in a block, between {@code <br>}s, in paragraphs. */
    private static void makeParagraphs(Element root) {
        for (Element block : root.getAllElements()) {
            if (!TEXT_BLOCKS.contains(block.normalName()) || !hasOwnText(block)
                    || block.closest(TEXT_BLOCK) != null) {
                continue;
            }
            List<Node> run = new ArrayList<>();
            for (Node child : new ArrayList<>(block.childNodes())) {
                if (child instanceof TextNode) {
                    run.add(child);
                } else if (child instanceof Element e && INLINE_TAGS.contains(e.normalName())) {
                    run.add(child);
                } else {
                    wrap(run);
                    if (child instanceof Element e && e.normalName().equals("br")) {
                        child.remove();
                    }
                }
            }
            wrap(run);
        }
    }

    /** Text straight in the block, or inline elements with text between {@code <br>}s. */
    private static boolean hasOwnText(Element block) {
        boolean breaks = false;
        boolean inlineText = false;
        for (Node child : block.childNodes()) {
            if (child instanceof TextNode text && !text.isBlank()) {
                return true;
            }
            if (child instanceof Element e) {
                String tag = e.normalName();
                breaks |= tag.equals("br");
                inlineText |= !tag.equals("br") && INLINE_TAGS.contains(tag) && textLength(e, 0) > 0;
            }
        }
        return breaks && inlineText;
    }

    private static void wrap(List<Node> run) {
        if (run.isEmpty()) {
            return;
        }
        boolean blank = true;
        for (Node node : run) {
            if (!(node instanceof TextNode text) || !text.isBlank()) {
                blank = false;
                break;
            }
        }
        if (!blank) {
            Element p = new Element("p");
            run.get(0).before(p);
            for (Node node : run) {
                p.appendChild(node);
            }
        }
        run.clear();
    }

    /** The element whose paragraphs hold the most text, with the siblings that continue it. */
    private List<Element> containers(Element root) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        Map<Element, Boolean> cards = new IdentityHashMap<>();
        for (Element p : root.select(PARAGRAPH)) {
            String text = p.text();
            int length = weightedLength(text);
            if (length < MIN_SCORED_CHARS) {
                continue;
            }
            double density = linkDensity(p, text);
            if (density > MAX_LINK_DENSITY) {
                continue;
            }
            double score = length * (1 - density);
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            scores.merge(parent, score, Double::sum);
            Element grandparent = parent.parent();
            // A teaser card (headline link, picture, snippet) is one story; its snippet does not vote for the list.
            if (grandparent != null && !cards.computeIfAbsent(parent, BodyExtractor::isCard)) {
                scores.merge(grandparent, score / 2, Double::sum);
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            if (entry.getValue() > bestScore) {
                best = entry.getKey();
                bestScore = entry.getValue();
            }
        }
        List<Element> containers = new ArrayList<>();
        if (best == null) {
            return containers;
        }
        Element parent = best.parent();
        if (parent == null || best == root) {
            containers.add(best);
            return containers;
        }
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                containers.add(sibling);
            } else if (!sibling.normalName().equals("p") && continues(best, sibling, scores, bestScore)) {
                containers.add(sibling);
            }
        }
        return containers;
    }

    /**
     * True when a paragraph is the summary of another story's card inside the body (a "related story" box:
     * a link or picture and one paragraph, in a block of its own). Sections of the body with a subheading and
     * their paragraphs are not cards: a heading alone does not make one, nor do several paragraphs.
     */
    private static boolean isInTeaserCard(Element block, List<Element> containers) {
        Element parent = block.parent();
        if (parent == null || containers.contains(parent) || !block.normalName().equals("p")) {
            return false;
        }
        int paragraphs = 0;
        boolean linkOrPicture = false;
        for (Element child : parent.children()) {
            if (child.normalName().equals("p")) {
                paragraphs++;
            } else if (child.normalName().equals("a") || child.normalName().equals("img") || child.selectFirst(LINK_OR_PICTURE) != null) {
                linkOrPicture = true;
            }
        }
        return paragraphs == 1 && linkOrPicture;
    }

    /** True when a block holds, beside its paragraphs, a heading, a picture or a link: a teaser card, not a paragraph wrapper. */
    private static boolean isCard(Element block) {
        for (Element child : block.children()) {
            String tag = child.normalName();
            if (tag.equals("p")) {
                continue;
            }
            if (tag.equals("a") || tag.equals("img") || HEADINGS.contains(tag) || child.selectFirst(LINK_PICTURE_OR_HEADING) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean continues(Element best, Element sibling, Map<Element, Double> scores, double bestScore) {
        if (!best.className().isEmpty() && best.className().equals(sibling.className()) && best.normalName().equals(sibling.normalName())) {
            return true;
        }
        Double score = scores.get(sibling);
        return score != null && score >= SIBLING_SHARE * bestScore;
    }

    /** The paragraph-level blocks of a container, in page order, without descending into them. */
    private static void collect(Element element, List<Element> blocks) {
        String tag = element.normalName();
        if (PARAGRAPH_TAGS.contains(tag)) {
            blocks.add(element);
            return;
        }
        if ((tag.equals("li") || tag.equals("blockquote") || tag.equals("dd") || tag.equals("dt"))
                && element.selectFirst(NESTED_BLOCK) == null) {
            blocks.add(element);
            return;
        }
        for (Element child : element.children()) {
            collect(child, blocks);
        }
    }

    private Body paragraphs(List<Element> blocks, boolean notice) {
        List<String> paragraphs = new ArrayList<>();
        List<Element> sources = new ArrayList<>();
        for (Element block : blocks) {
            String raw = block.text();
            if (raw.isBlank()) {
                continue;
            }
            if (linkDensity(block, raw) > MAX_LINK_DENSITY) {
                continue;
            }
            String text = BoilerplateText.withoutInlineLabels(raw);
            if (text.isEmpty() || BoilerplateText.isBoilerplateParagraph(text) || text.equals(title) || isBylineOrDate(text)) {
                continue;
            }
            if (HEADINGS.contains(block.normalName()) && BoilerplateText.isCrossLinkHeading(text)) {
                continue;
            }
            if (!paragraphs.isEmpty() && paragraphs.get(paragraphs.size() - 1).equals(text)) {
                continue;
            }
            paragraphs.add(text);
            sources.add(block);
        }
        String trailingByline = null;
        if (!paragraphs.isEmpty()) {
            int last = paragraphs.size() - 1;
            String text = paragraphs.get(last);
            if (text.length() <= BYLINE_MAX_CHARS && isRightAligned(sources.get(last))) {
                trailingByline = text;
                paragraphs.remove(last);
            }
        }
        // A heading that closes the body introduces something that was removed (related links, a gallery).
        while (!paragraphs.isEmpty() && HEADINGS.contains(sources.get(paragraphs.size() - 1).normalName())) {
            sources.remove(paragraphs.size() - 1);
            paragraphs.remove(paragraphs.size() - 1);
        }
        return new Body(paragraphs, notice, trailingByline);
    }

    private boolean isBylineOrDate(String text) {
        if (author != null && text.length() <= BYLINE_MAX_CHARS + author.length()) {
            String lower = text.toLowerCase(Locale.ROOT);
            String name = author.toLowerCase(Locale.ROOT);
            if (lower.equals(name) || (lower.endsWith(name) && lower.length() - name.length() <= 12)) {
                return true;
            }
        }
        return text.length() <= DATELINE_MAX_CHARS && DateParser.parse(text, ZoneOffset.UTC).isPresent()
                && text.chars().filter(Character::isDigit).count() >= 6;
    }

    private static boolean isRightAligned(Element block) {
        for (Element e = block; e != null && e.normalName().matches("p|div|span|strong|b|em|i"); e = e.children().size() == 1 ? e.child(0) : null) {
            if (e.attr("align").equalsIgnoreCase("right") || RIGHT_ALIGNED.matcher(e.attr("style").toLowerCase(Locale.ROOT)).find()) {
                return true;
            }
        }
        return false;
    }

    static double linkDensity(Element block, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int linked = 0;
        for (Element a : block.select(LINK)) {
            linked += a.text().length();
        }
        return Math.min(1.0, (double) linked / text.length());
    }

    /** Characters, Han characters counted twice: one stands for a word where other scripts spend several letters. */
    static int weightedLength(String text) {
        int weighted = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            weighted += cp >= 0x3400 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 2 : 1;
            i += Character.charCount(cp);
        }
        return weighted;
    }

    /** The number of non-space characters of an element's text, counting stopped once past {@code limit}. */
    static int textLength(Element element, int limit) {
        int[] count = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String whole = text.getWholeText();
                    for (int i = 0; i < whole.length(); i++) {
                        if (!Character.isWhitespace(whole.charAt(i))) {
                            count[0]++;
                        }
                    }
                    if (count[0] > limit) {
                        return FilterResult.STOP;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, element);
        return count[0];
    }
}
