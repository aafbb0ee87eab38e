package org.ronda.tagging.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The labelled development set under {@code src/test/resources/devset/}: one JSON Lines file per
 * language ({@code <lang>.jsonl}), one article per line,
 * {@code {"id","lang","title","text","topics":[...]}}. An article with no topic is a hard negative:
 * it was written to contain crime-looking words without being about a crime of the taxonomy.
 *
 * <p>The set measures generalisation: it was written from TAXONOMY.md, like news copy, without
 * looking at the rule files. Do not tune it to the rules; tune the rules to it (and to new copy).
 */
public final class DevSet {

    /** Languages TAXONOMY.md requires tagging to work in; the quality targets apply to these. */
    public static final List<String> REQUIRED_LANGUAGES = List.of("en", "ms", "id", "vi", "th", "tl");

    /** Every language a dev-set file may exist for, in report order. */
    public static final List<String> LANGUAGES = List.of("en", "ms", "id", "vi", "th", "tl", "km", "my", "zh");

    /** Classpath folder of the files. */
    public static final String RESOURCE_DIR = "/devset/";

    private static final Set<String> FIELDS = Set.of("id", "lang", "title", "text", "topics");

    /** One labelled article; {@code topics} empty for a negative. {@code file} is the file's language. */
    public record Article(String id, String lang, String title, String text, List<String> topics, String file, int line) {

        public Article {
            topics = List.copyOf(topics);
        }

        public boolean negative() {
            return topics.isEmpty();
        }
    }

    /** The raw JSON shape of a line; unknown or missing fields are refused by {@link #parse}. */
    private record Line(String id, String lang, String title, String text, List<String> topics) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private DevSet() {
    }

    /** The dev set from the classpath ({@code /devset/<lang>.jsonl} for every language present). */
    public static List<Article> load() {
        List<Article> articles = new ArrayList<>();
        for (String lang : LANGUAGES) {
            try (InputStream in = DevSet.class.getResourceAsStream(RESOURCE_DIR + lang + ".jsonl")) {
                if (in != null) {
                    articles.addAll(parse(lang, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("devset " + lang + ".jsonl", e);
            }
        }
        return articles;
    }

    /** The dev set from a folder of {@code <lang>.jsonl} files (to try an edited set without a build). */
    public static List<Article> load(Path dir) {
        List<Article> articles = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Path file = dir.resolve(lang + ".jsonl");
            if (Files.isRegularFile(file)) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    articles.addAll(parse(lang, reader));
                } catch (IOException e) {
                    throw new UncheckedIOException(file.toString(), e);
                }
            }
        }
        return articles;
    }

    private static List<Article> parse(String fileLang, BufferedReader reader) throws IOException {
        List<Article> articles = new ArrayList<>();
        String raw;
        int number = 0;
        while ((raw = reader.readLine()) != null) {
            number++;
            if (raw.isBlank()) {
                continue;
            }
            Line line;
            try {
                var tree = JSON.readTree(raw);
                List<String> names = new ArrayList<>();
                tree.fieldNames().forEachRemaining(names::add);
                if (!Set.copyOf(names).equals(FIELDS) || names.size() != FIELDS.size()) {
                    throw new IllegalArgumentException("fields " + names + ", expected exactly " + FIELDS);
                }
                line = JSON.treeToValue(tree, Line.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("devset/" + fileLang + ".jsonl, line " + number + ": " + e.getMessage(), e);
            }
            articles.add(new Article(line.id(), line.lang(), line.title(), line.text(),
                    line.topics() == null ? List.of() : line.topics(), fileLang, number));
        }
        return articles;
    }

    /**
     * Approximate number of words of {@code text}: whitespace-separated tokens with a letter or digit,
     * plus, for scripts written without spaces, 4 characters per word (Thai, Lao, Khmer, Burmese, as
     * the engine counts them) or 1.5 characters per word (Chinese characters).
     */
    public static int words(String text) {
        double unspaced = 0;
        StringBuilder rest = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            double perWord = charsPerWord(cp);
            if (perWord > 0) {
                unspaced += 1 / perWord;
                rest.append(' ');
            } else {
                rest.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        int tokens = 0;
        for (String token : rest.toString().trim().split("\\s+")) {
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                tokens++;
            }
        }
        return (int) Math.round(tokens + unspaced);
    }

    private static double charsPerWord(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case THAI, LAO, KHMER, MYANMAR -> 4.0;
            case HAN -> 1.5;
            default -> 0;
        };
    }
}
