package org.ronda.tagging.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.TopicTag;
import org.ronda.tagging.RuleFileException;
import org.ronda.tagging.RuleSet;
import org.ronda.tagging.TopicTagger;
import org.ronda.tagging.gazetteer.GazetteerException;
import org.ronda.tagging.language.LanguageDetector;
import org.ronda.tagging.organisation.OrganisationTagger;
import org.ronda.tagging.place.CountryTagger;

/**
 * Tags articles from the command line, for researchers and rule authors: the same engine as the
 * enrich stage, without Kafka.
 *
 * <pre>
 * java -cp ... org.ronda.tagging.cli.TagCommand [--rules DIR] [--countries FILE] [--organisations FILE]
 *     &lt; articles.jsonl &gt; tags.jsonl
 * </pre>
 *
 * <p>{@code --rules} reads topic rules from a folder instead of the bundled ones
 * (docs/rules-format.md); {@code --countries} and {@code --organisations} read a gazetteer file
 * instead of the bundled one (docs/gazetteer-format.md). All three let a researcher try a change
 * without a rebuild.
 *
 * <p>Input: JSON Lines, one article per line: {@code {"id","title","text","lang"?,"url"?}}; {@code id}
 * is required, {@code title} and {@code text} are strings (absent or null read as empty),
 * {@code lang} is the declared language (a hint to the language detector), other fields are
 * ignored. Blank lines are skipped.
 *
 * <p>Output: one line per input line, in input order:
 * {@code {"id","lang","topics":[{"id","score","evidence":[...]}],"countries":[...],"organisations":[...]}},
 * or {@code {"line":N,"error":"..."}} for a line that is not a valid article (N counts from 1, blank
 * lines included); processing continues after a bad line.
 *
 * <p>Exit status: 0 when every line was tagged, 1 when at least one line failed, 2 when nothing
 * could be tagged (bad arguments, a broken rules folder or gazetteer).
 */
public final class TagCommand {

    static final int OK = 0;
    static final int SOME_LINES_FAILED = 1;
    static final int UNUSABLE = 2;

    private static final String USAGE =
            "usage: TagCommand [--rules DIR] [--countries FILE] [--organisations FILE] < articles.jsonl > tags.jsonl";

    private final TopicTagger topics;
    private final LanguageDetector languages;
    private final CountryTagger countries;
    private final OrganisationTagger organisations;
    private final ObjectMapper mapper = EventCodec.mapper();
    private final ObjectReader reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    TagCommand(TopicTagger topics, LanguageDetector languages, CountryTagger countries,
            OrganisationTagger organisations) {
        this.topics = topics;
        this.languages = languages;
        this.countries = countries;
        this.organisations = organisations;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command on the given streams and returns the exit status (see the class doc). */
    static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        Path rulesDir = null;
        Path countriesFile = null;
        Path organisationsFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules", "--countries", "--organisations" -> {
                    if (i + 1 >= args.length) {
                        err.println(args[i] + " needs a path\n" + USAGE);
                        return UNUSABLE;
                    }
                    Path path = Path.of(args[i + 1]);
                    switch (args[i]) {
                        case "--rules" -> rulesDir = path;
                        case "--countries" -> countriesFile = path;
                        default -> organisationsFile = path;
                    }
                    i++;
                }
                case "-h", "--help" -> {
                    err.println(USAGE);
                    return OK;
                }
                default -> {
                    err.println("unknown argument " + args[i] + "\n" + USAGE);
                    return UNUSABLE;
                }
            }
        }
        TagCommand command;
        try {
            RuleSet rules = rulesDir == null ? RuleSet.loadDefault() : RuleSet.load(rulesDir);
            CountryTagger countries = countriesFile == null
                    ? CountryTagger.loadDefault() : CountryTagger.load(countriesFile);
            OrganisationTagger organisations = organisationsFile == null
                    ? OrganisationTagger.loadDefault() : OrganisationTagger.load(organisationsFile);
            command = new TagCommand(new TopicTagger(rules), new LanguageDetector(), countries, organisations);
        } catch (RuleFileException | GazetteerException e) {
            err.println("cannot load: " + e.getMessage());
            return UNUSABLE;
        }
        try {
            return command.process(in, out) ? OK : SOME_LINES_FAILED;
        } catch (UncheckedIOException e) {
            err.println("I/O error: " + e.getCause().getMessage());
            return UNUSABLE;
        }
    }

    /**
     * Tags every line of {@code in} and writes one line per input line to {@code out}.
     *
     * @return true when no line failed
     */
    boolean process(InputStream in, OutputStream out) {
        boolean allTagged = true;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Object result;
                try {
                    result = tag(parse(line));
                } catch (BadLineException e) {
                    result = new ErrorLine(number, e.getMessage());
                    allTagged = false;
                } catch (RuntimeException e) {
                    // A defect in a tagger must not lose the rest of the input; the line says what broke.
                    result = new ErrorLine(number, "internal error: " + e);
                    allTagged = false;
                }
                writer.write(mapper.writeValueAsString(result));
                writer.write('\n');
                writer.flush(); // one line out per line in, visible at once to a reader of a pipe
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return allTagged;
    }

    private Article parse(String line) {
        JsonNode node;
        try {
            node = reader.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLineException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadLineException("not a JSON object");
        }
        String id = optionalText(node, "id");
        if (id == null || id.isBlank()) {
            throw new BadLineException("field 'id' is required and must be a non-blank string");
        }
        return new Article(id, optionalText(node, "title"), optionalText(node, "text"), optionalText(node, "lang"));
    }

    private static String optionalText(JsonNode article, String field) {
        JsonNode value = article.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadLineException("field '" + field + "' must be a string, got "
                    + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.textValue();
    }

    private TaggedLine tag(Article article) {
        String title = article.title() == null ? "" : article.title();
        String text = article.text() == null ? "" : article.text();
        String language = languages.detect(title, text, article.lang()).language();
        List<TopicLine> topicLines = new ArrayList<>();
        for (TopicTag tag : topics.tag(title, text, language)) {
            topicLines.add(new TopicLine(tag.topic(), tag.score(), tag.evidence()));
        }
        return new TaggedLine(article.id(), language, topicLines, countries.tag(title, text),
                organisations.tag(title, text));
    }

    private record Article(String id, String title, String text, String lang) {
    }

    /** One output line; component order is the JSON field order. */
    record TaggedLine(String id, String lang, List<TopicLine> topics, List<EntityTag> countries,
            List<EntityTag> organisations) {
    }

    /** A topic as the command prints it: {@code id} rather than the contract's {@code topic}. */
    record TopicLine(String id, double score, List<Evidence> evidence) {
    }

    record ErrorLine(int line, String error) {
    }

    private static final class BadLineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadLineException(String reason) {
            super(reason, null, false, false);
        }
    }
}
