package org.ronda.tagging.gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the lines of a gazetteer file (format: docs/gazetteer-format.md). Every problem is a
 * {@link GazetteerException} naming the file and line; nothing is skipped silently.
 */
final class GazetteerParser {

    static final String FLAG_CASED = "cased";
    static final String FLAG_AMBIGUOUS = "ambiguous";
    private static final Set<String> FLAGS = Set.of(FLAG_CASED, FLAG_AMBIGUOUS);

    private GazetteerParser() {
    }

    static List<Name> parse(String file, List<String> lines, GazetteerSchema schema) {
        List<Name> names = new ArrayList<>();
        Map<String, Name> firstOfName = new HashMap<>();
        Set<String> namedIds = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            Name name = parseLine(file, number, line, schema);
            Name earlier = firstOfName.putIfAbsent(name.folded(), name);
            if (earlier != null && !(earlier.cased() && name.cased() && !earlier.written().equals(name.written()))) {
                // Two case-sensitive spellings of one name ("BI Commissioner", "BI commissioner") may
                // both be listed; anything else folded alike is a copy.
                throw new GazetteerException(file, number, "name '" + name.folded() + "' is already on line "
                        + earlier.line() + " (names are compared folded: case, hyphens and runs of spaces do not"
                        + " count; only two cased spellings of one name may both be listed)");
            }
            if (!name.isMask()) {
                namedIds.addAll(name.ids());
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new GazetteerException(file, 0, "no names: the file is empty or all comments");
        }
        for (Name name : names) {
            if (name.isMask()) {
                for (String id : name.ids()) {
                    if (!namedIds.contains(id)) {
                        throw new GazetteerException(file, name.line(),
                                "mask protects " + schema.entity() + " '" + id + "', which has no name in this file");
                    }
                }
            }
        }
        return names;
    }

    private static Name parseLine(String file, int number, String line, GazetteerSchema schema) {
        String[] fields = line.split("\t", -1);
        if (fields.length < 3 || fields.length > 4) {
            String hint = fields.length == 1 && line.contains(" ") ? "; fields must be separated by tabs, not spaces" : "";
            throw new GazetteerException(file, number,
                    "expected 3 or 4 tab-separated fields (ids, kind, name[, flags]), found " + fields.length + hint);
        }
        List<String> ids = parseIds(file, number, fields[0], schema);
        String kind = fields[1];
        if (!GazetteerSchema.MASK.equals(kind) && !schema.kinds().contains(kind)) {
            throw new GazetteerException(file, number,
                    "unknown kind '" + kind + "' (one of " + new TreeSet<>(schema.kinds()) + " or mask)");
        }
        String text = fields[2];
        if (text.isBlank()) {
            throw new GazetteerException(file, number, "empty name");
        }
        if (!text.equals(text.strip())) {
            throw new GazetteerException(file, number, "name '" + text + "' has spaces around it");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new GazetteerException(file, number, "name contains a control character");
        }
        FoldedField folded = FoldedField.of(text);
        String lower = folded.lowerTrimmed();
        if (lower.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new GazetteerException(file, number, "name '" + text + "' has no letter or digit");
        }
        Set<String> flags = fields.length == 4 ? parseFlags(file, number, fields[3]) : Set.of();
        boolean ambiguous = flags.contains(FLAG_AMBIGUOUS);
        if (ambiguous && GazetteerSchema.MASK.equals(kind)) {
            throw new GazetteerException(file, number, "a mask cannot be ambiguous; use cased if it must match as written");
        }
        boolean cased = ambiguous || flags.contains(FLAG_CASED);
        return new Name(ids, kind, lower, folded.casedTrimmed(), cased, ambiguous, number);
    }

    private static List<String> parseIds(String file, int number, String field, GazetteerSchema schema) {
        if (field.isEmpty()) {
            throw new GazetteerException(file, number, "no id");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : field.split(",", -1)) {
            if (id.isEmpty() || !id.equals(id.strip())) {
                throw new GazetteerException(file, number,
                        "bad id list '" + field + "': ids are separated by commas, without spaces");
            }
            if (!schema.validId().test(id)) {
                throw new GazetteerException(file, number,
                        "unknown " + schema.entity() + " id '" + id + "' (" + schema.idRule() + ")");
            }
            if (!ids.add(id)) {
                throw new GazetteerException(file, number, "id '" + id + "' is listed twice");
            }
        }
        return List.copyOf(ids);
    }

    private static Set<String> parseFlags(String file, int number, String field) {
        if (field.isEmpty()) {
            throw new GazetteerException(file, number, "empty flags field: remove the trailing tab or name a flag " + FLAGS);
        }
        Set<String> flags = new LinkedHashSet<>();
        for (String flag : field.split(",", -1)) {
            if (!FLAGS.contains(flag)) {
                throw new GazetteerException(file, number, "unknown flag '" + flag + "' (one of " + new TreeSet<>(FLAGS) + ")");
            }
            if (!flags.add(flag)) {
                throw new GazetteerException(file, number, "flag '" + flag + "' is listed twice");
            }
        }
        return flags;
    }
}
