package org.ronda.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells boilerplate blocks by the words of their class and id, the way themes and CMSs name them
 * ({@code td_block_related_posts}, {@code jp-relatedposts}, {@code fb-comments}, {@code ads-scrollpage-top},
 * {@code tplCaption}, {@code field--name-field-tags}). A name is split into words at {@code -}, {@code _}
 * and lower-to-upper case changes; a class is boilerplate when one of its words, or two adjacent words
 * written together, is a boilerplate word.
 *
 * <p>Classes that describe the state or the taxonomy of a page rather than a block ({@code has-sidebar},
 * {@code no-comments}, WordPress's {@code tag-scams} and {@code category-crime} on the article itself)
 * are not read: their first word says so.
 */
final class BoilerplateNames {

    /** Words of blocks that are never the article: lists of other stories, comments, site chrome. */
    private static final Set<String> STRONG_WORDS = Set.of(
            "related", "relatedposts", "comment", "comments", "discussion", "disqus", "cookie", "cookies", "consent", "gdpr",
            "cmp", "breadcrumb", "breadcrumbs", "crumbs", "tags", "hashtag", "hashtags", "keywords", "sidebar", "widget",
            "recommended", "recommendation", "recommendations", "popular", "trending", "outbrain", "taboola", "mgid",
            "footer", "nav", "navbar", "navigation", "menu", "masthead", "pagination", "pager", "prev", "previous", "ticker",
            "mc4wp", "sharedaddy");

    /**
     * Words of blocks that are boilerplate when small (ad slots, share bars, captions, bylines, promos)
     * but that some sites also put on the body's wrapper ({@code post-body ad-inserted}). Not "paywall":
     * Google's markup for paywalled articles puts that class on the article text itself.
     */
    private static final Set<String> WEAK_WORDS = Set.of(
            "share", "sharing", "sharer", "sharethis", "addtoany", "social", "newsletter", "subscribe", "subscription",
            "promo", "advert", "advertisement", "advertising", "advertorial", "ad", "ads", "adsbygoogle", "adslot", "adunit",
            "dfp", "gpt", "sponsored", "sponsor", "banner", "caption", "credit", "credits", "byline", "dateline", "toolbar",
            "modal", "popup", "slideshow", "alerts", "regwall", "author", "bio", "header", "disclaimer", "rating",
            "embed", "twitter", "instagram", "tiktok", "facebook", "fb", "whatsapp", "telegram", "meta", "print", "app", "apps");

    /** How a class or id names a block. */
    enum Kind {
        /** Not a boilerplate name. */
        NONE,
        /** Boilerplate when it holds little text. */
        WEAK,
        /** Boilerplate whatever it holds. */
        STRONG
    }

    /** Two adjacent words that are boilerplate together though neither is alone. */
    private static final Set<String> PAIRS = Set.of(
            "readalso", "alsoread", "seealso", "morefrom", "morestories", "morenews", "mostread", "mostpopular",
            "mostviewed", "readnext", "upnext", "appbox", "apppromo", "appbanner", "getapp", "downloadapp", "tryapp",
            "otherstories", "othernews", "latestnews", "latestposts", "newsfeed", "postnav", "nextprev");

    /**
     * Beginnings of words written together ({@code relatedbox}, {@code sidebarleft}, {@code commentslist},
     * {@code sharebar}): strong for the first list, weak for the second. "comments", not "comment", which
     * begins "commentary", a column's body.
     */
    private static final String[] STRONG_PREFIXES = {"related", "sidebar", "breadcrumb", "comments", "cookie"};
    private static final String[] WEAK_PREFIXES = {"newsletter", "advert", "sharebar", "sharebox", "sharebutton", "social"};

    /** First words of classes that describe a page's state or taxonomy, not a block on it. */
    private static final Set<String> MODIFIERS = Set.of(
            "has", "with", "no", "is", "not", "show", "hide", "enable", "disable", "allow", "tag", "category",
            "postid", "format", "type", "status", "term", "lang");

    private BoilerplateNames() {
    }

    /** True when a class or id value names a boilerplate block, weak or strong. */
    static boolean isBoilerplate(String classOrId) {
        return kind(classOrId) != Kind.NONE;
    }

    /** The strongest kind among the names of a class or id value. */
    static Kind kind(String classOrId) {
        if (classOrId == null || classOrId.isEmpty()) {
            return Kind.NONE;
        }
        Kind strongest = Kind.NONE;
        for (String name : classOrId.split("\\s+")) {
            if (name.isEmpty()) {
                continue;
            }
            Kind kind = nameKind(name);
            if (kind == Kind.STRONG) {
                return kind;
            }
            if (kind == Kind.WEAK) {
                strongest = kind;
            }
        }
        return strongest;
    }

    private static Kind nameKind(String name) {
        List<String> words = words(name);
        if (words.isEmpty() || MODIFIERS.contains(words.get(0))) {
            return Kind.NONE;
        }
        Kind kind = Kind.NONE;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (STRONG_WORDS.contains(word) || (i + 1 < words.size() && PAIRS.contains(word + words.get(i + 1)))) {
                return Kind.STRONG;
            }
            if (startsWithAny(word, STRONG_PREFIXES)) {
                return Kind.STRONG;
            }
            if (WEAK_WORDS.contains(word) || startsWithAny(word, WEAK_PREFIXES)) {
                kind = Kind.WEAK;
            }
        }
        return kind;
    }

    private static boolean startsWithAny(String word, String[] prefixes) {
        for (String prefix : prefixes) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code td_block_related_posts} gives td, block, related, posts; {@code tplCaption} gives tpl, caption. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>(6);
        StringBuilder word = new StringBuilder();
        char previous = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.' || c == ':' || c == '/') {
                flush(word, words);
            } else {
                if (Character.isUpperCase(c) && Character.isLowerCase(previous)) {
                    flush(word, words);
                }
                word.append(Character.toLowerCase(c));
            }
            previous = c;
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
