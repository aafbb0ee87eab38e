package org.ronda.accounting.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line: words first ({@code dlq show}), then {@code --name value} options and
 * {@code --flag} switches. An option the command does not know is refused, so a typo never runs a
 * replay with a default.
 */
final class Arguments {

    private final List<String> words;
    private final Map<String, String> options;
    private final Set<String> flags;

    private Arguments(List<String> words, Map<String, String> options, Set<String> flags) {
        this.words = words;
        this.options = options;
        this.flags = flags;
    }

    /** Parses {@code args}; {@code valued} are the options that take a value, {@code switches} those that do not. */
    static Arguments parse(String[] args, Set<String> valued, Set<String> switches) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                if (!options.isEmpty() || !flags.isEmpty()) {
                    throw new UsageException("unexpected '" + a + "' after the options");
                }
                words.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                flags.add(name);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (options.put(name, value) != null) {
                    throw new UsageException("--" + name + " given twice");
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Arguments(List.copyOf(words), Map.copyOf(options), Set.copyOf(flags));
    }

    /** The {@code i}-th word, if given. */
    Optional<String> word(int i) {
        return i < words.size() ? Optional.of(words.get(i)) : Optional.empty();
    }

    int wordCount() {
        return words.size();
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** A positive whole number option. */
    int intOption(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a positive whole number, was '" + v + "'");
        }
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** A command-line mistake: printed with the usage, exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
