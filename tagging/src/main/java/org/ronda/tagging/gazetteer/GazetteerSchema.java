package org.ronda.tagging.gazetteer;

import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a gazetteer file may contain: the kinds of name it lists (besides {@code mask}, which every
 * gazetteer accepts) and which ids are valid.
 *
 * @param entity  what the ids name, for messages ("country", "organisation")
 * @param kinds   the values allowed in the kind column, {@code mask} excluded
 * @param validId accepts a well-formed, known id
 * @param idRule  what a valid id looks like, quoted in the message that refuses one
 */
public record GazetteerSchema(String entity, Set<String> kinds, Predicate<String> validId, String idRule) {

    /** The kind of line that names no entity but stops the names it overlaps from matching. */
    public static final String MASK = "mask";

    public GazetteerSchema {
        Objects.requireNonNull(entity, "entity");
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(validId, "validId");
        Objects.requireNonNull(idRule, "idRule");
        if (kinds.contains(MASK)) {
            throw new IllegalArgumentException("mask is implicit in every schema");
        }
    }
}
