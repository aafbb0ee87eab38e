package org.ronda.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ronda.contracts.Taxonomy;
import org.ronda.tagging.Rules.LanguageRules;
import org.ronda.tagging.Rules.MaskRule;
import org.ronda.tagging.Rules.NearRule;
import org.ronda.tagging.Rules.Settings;
import org.ronda.tagging.Rules.TermRule;
import org.ronda.tagging.Rules.TopicSettings;
import org.ronda.tagging.text.WordChars;

/**
 * Parses the line-oriented rule files described in docs/rules-format.md. Every problem is a
 * {@link RuleFileException} naming the file, the line and the reason; nothing is skipped silently.
 */
final class RuleFileParser {

    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_WINDOW_WORDS = 50;

    private RuleFileParser() {
    }

    /** The rule-set version: the first non-blank, non-comment line of VERSION. */
    static String parseVersion(String file, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = content(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            if (!VERSION.matcher(line).matches()) {
                throw new RuleFileException(file, i + 1, "version '" + line + "' must match " + VERSION.pattern());
            }
            return line;
        }
        throw new RuleFileException(file, 0, "no version line");
    }

    /** Parses topics.rules. */
    static Settings parseSettings(String file, List<String> lines) {
        List<String> languages = null;
        int languagesLine = 0;
        double titleFactor = 2.0;
        double repeatDecay = 0.5;
        int repeatCap = 3;
        double anchorWeight = 3.0;
        Map<String, TopicSettings> topics = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = content(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "languages" -> {
                    if (languages != null) {
                        throw new RuleFileException(file, lineNo, "languages declared twice (first at line " + languagesLine + ")");
                    }
                    if (words.length < 2) {
                        throw new RuleFileException(file, lineNo, "languages needs at least one language code");
                    }
                    languages = new ArrayList<>();
                    for (int w = 1; w < words.length; w++) {
                        if (!LANGUAGE_CODE.matcher(words[w]).matches()) {
                            throw new RuleFileException(file, lineNo, "'" + words[w] + "' is not a lower-case language code");
                        }
                        if (languages.contains(words[w])) {
                            throw new RuleFileException(file, lineNo, "language " + words[w] + " listed twice");
                        }
                        languages.add(words[w]);
                    }
                    languagesLine = lineNo;
                }
                case "title-factor" -> titleFactor = number(file, lineNo, single(file, lineNo, words), 1, 1.0, 10.0, "title-factor");
                case "repeat-decay" -> repeatDecay = number(file, lineNo, single(file, lineNo, words), 1, 0.01, 1.0, "repeat-decay");
                case "anchor-weight" -> anchorWeight = number(file, lineNo, single(file, lineNo, words), 1, 0.1, 100, "anchor-weight");
                case "repeat-cap" -> repeatCap = (int) integer(file, lineNo, single(file, lineNo, words), 1, 1, 100, "repeat-cap");
                case "topic" -> {
                    TopicSettings settings = topicSettings(file, lineNo, words);
                    if (topics.put(settings.topic(), settings) != null) {
                        throw new RuleFileException(file, lineNo, "topic " + settings.topic() + " configured twice");
                    }
                }
                default -> throw new RuleFileException(file, lineNo, "unknown directive '" + words[0]
                        + "' (expected languages, title-factor, repeat-decay, repeat-cap, anchor-weight or topic)");
            }
        }
        if (languages == null) {
            throw new RuleFileException(file, 0, "no languages line");
        }
        for (String topic : Taxonomy.TOPIC_IDS) {
            if (!topics.containsKey(topic)) {
                throw new RuleFileException(file, 0, "topic " + topic + " has no 'topic ... threshold ... min-terms ...' line");
            }
        }
        return new Settings(languages, languagesLine, titleFactor, repeatDecay, repeatCap, anchorWeight, topics);
    }

    private static String[] single(String file, int lineNo, String[] words) {
        if (words.length != 2) {
            throw new RuleFileException(file, lineNo, "expected '" + words[0] + " <value>'");
        }
        return words;
    }

    private static TopicSettings topicSettings(String file, int lineNo, String[] words) {
        if (words.length != 6 || !"threshold".equals(words[2]) || !"min-terms".equals(words[4])) {
            throw new RuleFileException(file, lineNo, "expected 'topic <id> threshold <number> min-terms <count>'");
        }
        String topic = topicId(file, lineNo, words[1]);
        double threshold = number(file, lineNo, words, 3, 0.1, 1000, "threshold");
        int minTerms = (int) integer(file, lineNo, words, 5, 1, 20, "min-terms");
        return new TopicSettings(topic, threshold, minTerms);
    }

    /** Parses {@code <language>.rules}; its {@code lang} line must name {@code language}. */
    static LanguageRules parseLanguage(String file, String language, List<String> lines) {
        List<TermRule> terms = new ArrayList<>();
        List<NearRule> nears = new ArrayList<>();
        List<MaskRule> masks = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean langSeen = false;
        String topic = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = content(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String head = colon < 0 ? line : line.substring(0, colon).strip();
            String[] words = head.split("\\s+");
            String directive = words[0];
            if (!langSeen && !"lang".equals(directive)) {
                throw new RuleFileException(file, lineNo, "the first directive must be 'lang " + language + "'");
            }
            switch (directive) {
                case "lang" -> {
                    if (langSeen) {
                        throw new RuleFileException(file, lineNo, "lang declared twice");
                    }
                    if (words.length != 2 || colon >= 0) {
                        throw new RuleFileException(file, lineNo, "expected 'lang <code>'");
                    }
                    if (!language.equals(words[1])) {
                        throw new RuleFileException(file, lineNo, "lang " + words[1] + " does not match the file name (" + language + ")");
                    }
                    langSeen = true;
                }
                case "topic" -> {
                    if (words.length != 2 || colon >= 0) {
                        throw new RuleFileException(file, lineNo, "expected 'topic <id>'");
                    }
                    topic = topicId(file, lineNo, words[1]);
                }
                case "term" -> {
                    requireTopic(file, lineNo, topic, directive);
                    requireColon(file, lineNo, colon, "term <weight>: <term>, ...");
                    if (words.length != 2) {
                        throw new RuleFileException(file, lineNo, "expected 'term <weight>: <term>, ...'");
                    }
                    double weight = weight(file, lineNo, words[1]);
                    for (Term term : terms(file, lineNo, line.substring(colon + 1))) {
                        String key = topic + " " + term.key();
                        Integer first = seen.putIfAbsent(key, lineNo);
                        if (first != null) {
                            throw new RuleFileException(file, lineNo, "term '" + term.written() + "' already listed for topic "
                                    + topic + " at line " + first);
                        }
                        terms.add(new TermRule(topic, weight, term, file + ":" + lineNo));
                    }
                }
                case "near" -> {
                    requireTopic(file, lineNo, topic, directive);
                    requireColon(file, lineNo, colon, "near <weight> within <words>: <term>, ... | <term>, ...");
                    if (words.length != 4 || !"within".equals(words[2])) {
                        throw new RuleFileException(file, lineNo, "expected 'near <weight> within <words>: <term>, ... | <term>, ...'");
                    }
                    double weight = weight(file, lineNo, words[1]);
                    int window = (int) integer(file, lineNo, words, 3, 1, MAX_WINDOW_WORDS, "window");
                    String[] sides = line.substring(colon + 1).split("\\|", -1);
                    if (sides.length != 2) {
                        throw new RuleFileException(file, lineNo, "near needs exactly two term lists separated by '|'");
                    }
                    nears.add(new NearRule(topic, weight, window, terms(file, lineNo, sides[0]), terms(file, lineNo, sides[1]),
                            file + ":" + lineNo));
                }
                case "mask" -> {
                    requireTopic(file, lineNo, topic, directive);
                    requireColon(file, lineNo, colon, "mask: <term>, ...");
                    if (words.length != 1) {
                        throw new RuleFileException(file, lineNo, "mask takes no weight: expected 'mask: <term>, ...'");
                    }
                    for (Term term : terms(file, lineNo, line.substring(colon + 1))) {
                        masks.add(new MaskRule(topic, term, file + ":" + lineNo));
                    }
                }
                default -> throw new RuleFileException(file, lineNo, "unknown directive '" + directive
                        + "' (expected lang, topic, term, near or mask)");
            }
        }
        if (!langSeen) {
            throw new RuleFileException(file, 0, "no 'lang " + language + "' line");
        }
        return new LanguageRules(language, terms, nears, masks);
    }

    /** The line without its comment and surrounding whitespace; a comment starts at a '#' that begins the line or follows whitespace. */
    private static String content(String raw) {
        String line = raw;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                line = line.substring(0, i);
                break;
            }
        }
        return line.strip();
    }

    private static List<Term> terms(String file, int lineNo, String list) {
        List<Term> terms = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            terms.add(term(file, lineNo, part.strip()));
        }
        return terms;
    }

    static Term term(String file, int lineNo, String written) {
        if (written.isEmpty()) {
            throw new RuleFileException(file, lineNo, "empty term (two commas in a row, or a trailing comma?)");
        }
        boolean left = written.startsWith("*");
        boolean right = written.endsWith("*") && written.length() > 1;
        String bare = written.substring(left ? 1 : 0, written.length() - (right ? 1 : 0));
        if (bare.indexOf('*') >= 0) {
            throw new RuleFileException(file, lineNo, "term '" + written + "': '*' is allowed only at the start or end");
        }
        if (bare.indexOf('|') >= 0) {
            throw new RuleFileException(file, lineNo, "term '" + written + "': '|' is only for near rules");
        }
        String core = TextFolder.foldTerm(bare);
        if (core.isEmpty()) {
            throw new RuleFileException(file, lineNo, "term '" + written + "' has no matchable characters");
        }
        if (left && !WordChars.isSpacedWordChar(core.codePointAt(0))
                || right && !WordChars.isSpacedWordChar(core.codePointBefore(core.length()))) {
            throw new RuleFileException(file, lineNo, "term '" + written
                    + "': a wildcard must touch a letter of a space-delimited script (unspaced scripts already match substrings)");
        }
        return new Term(written, core, left, right);
    }

    private static String topicId(String file, int lineNo, String id) {
        if (!Taxonomy.isTopic(id)) {
            throw new RuleFileException(file, lineNo, "unknown topic id '" + id + "' (see Taxonomy.TOPIC_IDS)");
        }
        return id;
    }

    private static void requireTopic(String file, int lineNo, String topic, String directive) {
        if (topic == null) {
            throw new RuleFileException(file, lineNo, directive + " before any 'topic <id>' line");
        }
    }

    private static void requireColon(String file, int lineNo, int colon, String form) {
        if (colon < 0) {
            throw new RuleFileException(file, lineNo, "missing ':' (expected '" + form + "')");
        }
    }

    private static double weight(String file, int lineNo, String text) {
        double weight = parseNumber(file, lineNo, text, "weight");
        if (weight == 0 || Math.abs(weight) > 100) {
            throw new RuleFileException(file, lineNo, "weight must be non-zero and within -100..100, got " + text);
        }
        return weight;
    }

    private static double number(String file, int lineNo, String[] words, int index, double min, double max, String what) {
        if (words.length <= index) {
            throw new RuleFileException(file, lineNo, what + " needs a value");
        }
        double value = parseNumber(file, lineNo, words[index], what);
        if (value < min || value > max) {
            throw new RuleFileException(file, lineNo, what + " must be within " + min + ".." + max + ", got " + words[index]);
        }
        return value;
    }

    private static long integer(String file, int lineNo, String[] words, int index, long min, long max, String what) {
        if (words.length <= index) {
            throw new RuleFileException(file, lineNo, what + " needs a value");
        }
        long value;
        try {
            value = Long.parseLong(words[index]);
        } catch (NumberFormatException e) {
            throw new RuleFileException(file, lineNo, what + " must be a whole number, got '" + words[index] + "'");
        }
        if (value < min || value > max) {
            throw new RuleFileException(file, lineNo, what + " must be within " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    private static double parseNumber(String file, int lineNo, String text, String what) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RuleFileException(file, lineNo, what + " must be a number, got '" + text + "'");
        }
    }
}
