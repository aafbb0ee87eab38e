package org.ronda.tagging.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.Evidence;
import org.ronda.tagging.text.WordChars;

/**
 * A list of names for a set of entities (countries, organisations), loaded from a gazetteer file
 * (format: docs/gazetteer-format.md), that finds those entities in articles. Immutable and
 * thread-safe: load once, share.
 *
 * <h2>Matching</h2>
 * <ul>
 *   <li>Names and text are folded alike: NFC, lower case, runs of spaces, hyphens and dashes as
 *       one space, curly apostrophes as straight ones. "Timor-Leste" meets "timor leste"; diacritics
 *       are kept ("Hà Nội" and "Ha Noi" are two names).</li>
 *   <li>A name that starts (ends) with a letter or digit of a space-delimited script must start
 *       (end) at a word boundary: "Oman" does not match in "woman". Thai, Lao, Khmer, Burmese and
 *       Chinese names match as substrings, since those scripts do not separate words.</li>
 *   <li>Scanning goes left to right; at each position the longest name that passes its checks
 *       wins and the scan resumes after it, so "Papua New Guinea" hides "Papua" and "New Guinea",
 *       and "Golden Triangle Special Economic Zone" hides "Golden Triangle". A {@code mask} line is
 *       a name that wins the same way but tags nothing ("China Press", "Indian Ocean").</li>
 *   <li>A {@code cased} name must be written with the capitals it has in the file ("US" but not
 *       "us"), and is not trusted in a field set mostly in capitals. An {@code ambiguous} name is
 *       cased and is also refused right next to another capitalised word ("Michael Jordan",
 *       "Jordan Henderson"), unless the word before it is a capitalised sentence opener such as
 *       "In" or "From". A headline in title case therefore loses its ambiguous names.</li>
 * </ul>
 */
public final class Gazetteer {

    private static final String TITLE = "title";
    private static final String TEXT = "text";

    /**
     * Capitalised words that open a sentence before a place name ("In Jordan, ..."): next to an
     * ambiguous name they are not a sign of a person's name, as "Michael" is.
     */
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "In", "From", "To", "And", "But", "For", "With", "Across", "Both", "Like", "Unlike", "Neighbouring",
            "Di", "Ke", "Dari", "Sa", "Tại", "Ở", "Từ");

    private final String source;
    private final NameTrie trie;
    private final Set<String> ids;
    private final int nameCount;

    private Gazetteer(String source, List<Name> names) {
        this.source = source;
        this.trie = new NameTrie(names);
        Set<String> named = new TreeSet<>();
        int count = 0;
        for (Name name : names) {
            if (!name.isMask()) {
                named.addAll(name.ids());
                count++;
            }
        }
        this.ids = Collections.unmodifiableSet(named);
        this.nameCount = count;
    }

    /** Loads a gazetteer bundled on the classpath, e.g. {@code /gazetteer/countries.tsv}. */
    public static Gazetteer fromClasspath(String resource, GazetteerSchema schema) {
        Objects.requireNonNull(schema, "schema");
        String file = "classpath:" + resource;
        InputStream in = Gazetteer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new GazetteerException(file, 0, "file not found");
        }
        try (in) {
            return new Gazetteer(file, GazetteerParser.parse(file, readLines(file, in), schema));
        } catch (IOException e) {
            throw new GazetteerException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads a gazetteer file from disk, to try a changed list without a rebuild. */
    public static Gazetteer fromFile(Path path, GazetteerSchema schema) {
        Objects.requireNonNull(schema, "schema");
        String file = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            return new Gazetteer(file, GazetteerParser.parse(file, readLines(file, in), schema));
        } catch (NoSuchFileException e) {
            throw new GazetteerException(file, 0, "file not found", e);
        } catch (IOException e) {
            throw new GazetteerException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The entities named in an article, each with one piece of evidence per mention.
     *
     * @param title headline, may be null
     * @param text  body, may be null
     * @return tags ordered by number of mentions, most first; ties in order of first mention (title
     *     before text). Evidence offsets are UTF-16 offsets into {@code title} or {@code text} as
     *     given, and the evidence term is the matched text folded (lower case). A name that stands
     *     for several entities (the Golden Triangle) puts the same evidence on each.
     */
    public List<EntityTag> tag(String title, String text) {
        Map<String, List<Evidence>> byId = new LinkedHashMap<>();
        scan(FoldedField.of(title), TITLE, byId);
        scan(FoldedField.of(text), TEXT, byId);
        List<EntityTag> tags = new ArrayList<>(byId.size());
        byId.forEach((id, evidence) -> tags.add(new EntityTag(id, evidence)));
        // List.sort is stable, so equal counts keep the order of first mention.
        tags.sort(Comparator.comparingInt((EntityTag tag) -> tag.evidence().size()).reversed());
        return List.copyOf(tags);
    }

    /** The ids that at least one name stands for. */
    public Set<String> ids() {
        return ids;
    }

    /** Number of names (masks not counted). */
    public int nameCount() {
        return nameCount;
    }

    /** Where the gazetteer was loaded from. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "Gazetteer[" + source + ", " + ids.size() + " ids, " + nameCount + " names]";
    }

    private void scan(FoldedField field, String fieldName, Map<String, List<Evidence>> byId) {
        int n = field.length();
        List<List<Name>> candidates = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int i = 0;
        while (i < n) {
            char first = field.lowerAt(i);
            if (first == ' ' || (i > 0 && WordChars.isSpacedWordChar(first)
                    && WordChars.isSpacedWordChar(field.lowerAt(i - 1)))) {
                i++;
                continue;
            }
            candidates.clear();
            ends.clear();
            trie.walk(field, i, (names, end) -> {
                candidates.add(names);
                ends.add(end);
            });
            int matchedEnd = -1;
            for (int k = candidates.size() - 1; k >= 0 && matchedEnd < 0; k--) {
                int end = ends.get(k);
                for (Name name : candidates.get(k)) {
                    if (accepts(field, name, i, end)) {
                        if (!name.isMask()) {
                            Evidence evidence = new Evidence(field.lowerSlice(i, end), fieldName,
                                    field.originalStart(i), field.originalEnd(end));
                            for (String id : name.ids()) {
                                byId.computeIfAbsent(id, key -> new ArrayList<>()).add(evidence);
                            }
                        }
                        matchedEnd = end;
                        break;
                    }
                }
            }
            i = matchedEnd > 0 ? matchedEnd : i + 1;
        }
    }

    private static boolean accepts(FoldedField field, Name name, int start, int end) {
        if (end < field.length() && WordChars.isSpacedWordChar(field.lowerAt(end - 1))
                && WordChars.isSpacedWordChar(field.lowerAt(end))) {
            return false;
        }
        if (name.cased() && (field.shouting() || !field.casedSlice(start, end).equals(name.written()))) {
            return false;
        }
        return !name.ambiguous() || !nextToCapitalisedWord(field, start, end);
    }

    private static boolean nextToCapitalisedWord(FoldedField field, int start, int end) {
        if (end + 1 < field.length() && field.casedAt(end) == ' ' && Character.isUpperCase(field.casedAt(end + 1))) {
            return true; // "Jordan Henderson"
        }
        if (start >= 2 && field.casedAt(start - 1) == ' ' && WordChars.isSpacedWordChar(field.casedAt(start - 2))) {
            int word = start - 2;
            while (word > 0 && WordChars.isSpacedWordChar(field.casedAt(word - 1))) {
                word--;
            }
            // "Michael Jordan" is a person; "In Jordan" has only the capital of a sentence opener.
            return Character.isUpperCase(field.casedAt(word))
                    && !SENTENCE_OPENERS.contains(field.casedSlice(word, start - 1));
        }
        return false;
    }

    private static List<String> readLines(String file, InputStream in) throws IOException {
        // Decoded line by line, so that a byte that is not UTF-8 is reported on its own line; the
        // files are small enough to hold in memory twice.
        byte[] bytes = in.readAllBytes();
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            String line;
            try {
                line = decoder.decode(ByteBuffer.wrap(bytes, start, stop - start)).toString();
            } catch (CharacterCodingException e) {
                throw new GazetteerException(file, lines.size() + 1, "not valid UTF-8", e);
            }
            if (lines.isEmpty() && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark some editors write
            }
            lines.add(line);
            start = end + 1;
        }
        return lines;
    }
}
