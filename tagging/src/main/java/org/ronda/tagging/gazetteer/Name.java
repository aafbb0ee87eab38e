package org.ronda.tagging.gazetteer;

import java.util.List;

/**
 * One line of a gazetteer: a name (or a mask) and the ids it stands for.
 *
 * @param ids       the entities the name stands for, in file order; for a mask, the ones it protects
 * @param kind      the kind column ({@code name}, {@code demonym}, {@code mask}, ...)
 * @param folded    the name folded to lower case, as it is looked up
 * @param written   the name folded with its case kept, for case-sensitive names
 * @param cased     the name matches only when written with the same capitals
 * @param ambiguous the name is also a common given name or word: cased, and refused when another
 *                  capitalised word stands right next to it
 * @param line      the line of the file, for messages
 */
record Name(List<String> ids, String kind, String folded, String written, boolean cased, boolean ambiguous,
        int line) {

    boolean isMask() {
        return GazetteerSchema.MASK.equals(kind);
    }
}
