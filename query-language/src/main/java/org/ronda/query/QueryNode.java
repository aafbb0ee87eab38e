package org.ronda.query;

import java.util.List;

/**
 * The parsed form of a query. A {@code null} field means the default text fields (title and
 * text); {@code toString} gives a compact form that tests compare against.
 */
public sealed interface QueryNode {

    /** A single word, matched after analysis. */
    record Word(QueryField field, String text) implements QueryNode {
        @Override
        public String toString() {
            return prefix(field) + text;
        }
    }

    /** A quoted phrase: its words adjacent and in order (or, on a keyword field, the exact value). */
    record Phrase(QueryField field, String text) implements QueryNode {
        @Override
        public String toString() {
            return prefix(field) + '"' + text + '"';
        }
    }

    /** A word ending in {@code *}: terms starting with {@code text}. */
    record Prefix(QueryField field, String text) implements QueryNode {
        @Override
        public String toString() {
            return prefix(field) + text + '*';
        }
    }

    /** Every operand matches. */
    record And(List<QueryNode> operands) implements QueryNode {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return "AND" + operands;
        }
    }

    /** At least one operand matches. */
    record Or(List<QueryNode> operands) implements QueryNode {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return "OR" + operands;
        }
    }

    /** The operand does not match. */
    record Not(QueryNode operand) implements QueryNode {
        @Override
        public String toString() {
            return "NOT(" + operand + ")";
        }
    }

    private static String prefix(QueryField field) {
        return field == null ? "" : field.queryName() + ":";
    }
}
