package org.ronda.contracts;

/**
 * One match that supports a tag.
 *
 * @param term  the text that matched, case- and Unicode-folded (NFC, lower case, hyphens and line
 *              breaks as single spaces); for a rule without wildcard this is the rule term itself
 * @param field {@code title} or {@code text}
 * @param start offset of the first matched character in that field (UTF-16 code units)
 * @param end   offset after the last matched character
 */
public record Evidence(String term, String field, int start, int end) {

    public Evidence {
        Contract.requiredText(term, "evidence.term");
        if (!"title".equals(field) && !"text".equals(field)) {
            throw new InvalidEventException("evidence.field must be title or text, got " + field);
        }
        if (start < 0 || end <= start) {
            throw new InvalidEventException("evidence offsets must satisfy 0 <= start < end, got " + start + ".." + end);
        }
    }
}
