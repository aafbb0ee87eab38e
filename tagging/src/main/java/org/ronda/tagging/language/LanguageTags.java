package org.ronda.tagging.language;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads declared languages (HTML {@code lang}, feed {@code language}, RSS/ISO codes) as region languages. */
final class LanguageTags {

    // Three-letter (ISO 639-2/3), legacy and macrolanguage forms seen in page metadata.
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("eng", "en"),
            Map.entry("msa", "ms"), Map.entry("may", "ms"), Map.entry("zsm", "ms"), Map.entry("zlm", "ms"),
            Map.entry("ind", "id"), Map.entry("in", "id"),
            Map.entry("vie", "vi"),
            Map.entry("tha", "th"),
            Map.entry("tgl", "tl"), Map.entry("fil", "tl"),
            Map.entry("zho", "zh"), Map.entry("chi", "zh"), Map.entry("cmn", "zh"), Map.entry("yue", "zh"),
            Map.entry("khm", "km"),
            Map.entry("lao", "lo"),
            Map.entry("mya", "my"), Map.entry("bur", "my"));

    private LanguageTags() {
    }

    /**
     * The region language a declared tag names: {@code en-US} is {@code en}, {@code fil} is
     * {@code tl}, {@code zh-Hant-TW} is {@code zh}, {@code in} (Java's old code) is {@code id}.
     * Empty for null, blank, malformed or other languages.
     */
    static Optional<String> regionLanguage(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String tag = declared.strip().replace('_', '-');
        int dash = tag.indexOf('-');
        String primary = (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
        String language = ALIASES.getOrDefault(primary, primary);
        return LanguageDetector.LANGUAGES.contains(language) ? Optional.of(language) : Optional.empty();
    }
}
