package org.ronda.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ronda.tagging.Rules.LanguageRules;
import org.ronda.tagging.Rules.NearRule;
import org.ronda.tagging.Rules.Settings;
import org.ronda.tagging.Rules.TermRule;

/**
 * A versioned, validated set of tagging rules: {@code VERSION}, {@code topics.rules} and one
 * {@code <language>.rules} per language listed there (format: docs/rules-format.md). Immutable.
 * Loading either succeeds completely or throws {@link RuleFileException}.
 */
public final class RuleSet {

    static final String VERSION_FILE = "VERSION";
    static final String SETTINGS_FILE = "topics.rules";
    static final String RULES_SUFFIX = ".rules";
    private static final String CLASSPATH_DIR = "/rules/";

    private final String version;
    private final Settings settings;
    private final Map<String, LanguageRules> languages;

    private RuleSet(String version, Settings settings, Map<String, LanguageRules> languages) {
        this.version = version;
        this.settings = settings;
        this.languages = Collections.unmodifiableMap(new LinkedHashMap<>(languages));
    }

    /** The rules bundled with this module, from the classpath folder {@code /rules/}. */
    public static RuleSet loadDefault() {
        return load(new Source() {
            @Override
            public String describe(String name) {
                return "classpath:" + CLASSPATH_DIR + name;
            }

            @Override
            public Optional<List<String>> read(String name) {
                InputStream in = RuleSet.class.getResourceAsStream(CLASSPATH_DIR + name);
                if (in == null) {
                    return Optional.empty();
                }
                try (in) {
                    return Optional.of(readLines(describe(name), in));
                } catch (IOException e) {
                    throw new RuleFileException(describe(name), 0, "cannot read: " + e.getMessage(), e);
                }
            }
        });
    }

    /**
     * The rules in folder {@code dir}. Every {@code *.rules} file there must be topics.rules or
     * belong to a listed language, so a file that would be ignored is an error instead.
     */
    public static RuleSet load(Path dir) {
        Source source = new Source() {
            @Override
            public String describe(String name) {
                return dir.resolve(name).toString();
            }

            @Override
            public Optional<List<String>> read(String name) {
                try (InputStream in = Files.newInputStream(dir.resolve(name))) {
                    return Optional.of(readLines(describe(name), in));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new RuleFileException(describe(name), 0, "cannot read: " + e.getMessage(), e);
                }
            }
        };
        RuleSet rules = load(source);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + RULES_SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String language = name.substring(0, name.length() - RULES_SUFFIX.length());
                if (!SETTINGS_FILE.equals(name) && !rules.languages.containsKey(language)) {
                    throw new RuleFileException(source.describe(SETTINGS_FILE), rules.settings.languagesLine(),
                            "rule file " + name + " exists but language " + language + " is not listed");
                }
            }
        } catch (IOException e) {
            throw new RuleFileException(dir.toString(), 0, "cannot list rule files: " + e.getMessage(), e);
        }
        return rules;
    }

    private static RuleSet load(Source source) {
        String version = RuleFileParser.parseVersion(source.describe(VERSION_FILE), required(source, VERSION_FILE));
        Settings settings = RuleFileParser.parseSettings(source.describe(SETTINGS_FILE), required(source, SETTINGS_FILE));
        Map<String, LanguageRules> languages = new LinkedHashMap<>();
        for (String language : settings.languages()) {
            String name = language + RULES_SUFFIX;
            languages.put(language, RuleFileParser.parseLanguage(source.describe(name), language, required(source, name)));
        }
        return new RuleSet(version, settings, languages);
    }

    private static List<String> required(Source source, String name) {
        return source.read(name).orElseThrow(() -> new RuleFileException(source.describe(name), 0, "file not found"));
    }

    private static List<String> readLines(String file, InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (CharacterCodingException e) {
            throw new RuleFileException(file, lines.size() + 1, "not valid UTF-8", e);
        }
        return lines;
    }

    /** The rule-set version from the VERSION file, e.g. {@code topics-2026.11.1}. */
    public String version() {
        return version;
    }

    /** The languages with a rule file, in the order topics.rules lists them. */
    public List<String> languages() {
        return List.copyOf(languages.keySet());
    }

    /**
     * The topics that {@code language} has at least one positive term or co-occurrence rule for;
     * empty for a language without a rule file.
     */
    public Set<String> topics(String language) {
        LanguageRules rules = languages.get(language);
        if (rules == null) {
            return Set.of();
        }
        Set<String> topics = new TreeSet<>();
        for (TermRule rule : rules.terms()) {
            if (rule.weight() > 0) {
                topics.add(rule.topic());
            }
        }
        for (NearRule rule : rules.nears()) {
            if (rule.weight() > 0) {
                topics.add(rule.topic());
            }
        }
        return Collections.unmodifiableSet(topics);
    }

    Settings settings() {
        return settings;
    }

    Iterable<LanguageRules> languageRules() {
        return languages.values();
    }

    @Override
    public String toString() {
        return "RuleSet[" + version + ", languages=" + languages.keySet() + "]";
    }

    /** Where rule files come from: a folder or the classpath. */
    private interface Source {
        String describe(String name);

        Optional<List<String>> read(String name);
    }
}
