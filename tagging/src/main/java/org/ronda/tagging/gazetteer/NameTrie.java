package org.ronda.tagging.gazetteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The folded names of a gazetteer as a character trie. A lookup walks it from one position of a
 * field and reports every name that starts there, shortest first. Gazetteers hold a few thousand
 * short names, so a walk from each position is cheap (most stop at the first character) and far
 * simpler to verify than an automaton. Immutable once built.
 */
final class NameTrie {

    /** Receives the names found by one walk. */
    @FunctionalInterface
    interface Hits {
        /**
         * {@code names} (one name, or several case-sensitive spellings of it) occur from the walk's
         * start up to folded offset {@code end}.
         */
        void found(List<Name> names, int end);
    }

    private final Node root;

    NameTrie(List<Name> names) {
        Draft draft = new Draft();
        for (Name name : names) {
            Draft node = draft;
            String key = name.folded();
            for (int i = 0; i < key.length(); i++) {
                node = node.children.computeIfAbsent(key.charAt(i), c -> new Draft());
            }
            node.names.add(name); // the parser allows several only as cased spellings of one name
        }
        this.root = draft.freeze();
    }

    /** Reports every name that starts at folded offset {@code start} of {@code field}, shortest first. */
    void walk(FoldedField field, int start, Hits hits) {
        Node node = root;
        for (int i = start; i < field.length(); i++) {
            node = node.child(field.lowerAt(i));
            if (node == null) {
                return;
            }
            if (node.names != null) {
                hits.found(node.names, i + 1);
            }
        }
    }

    private static final class Node {
        private final char[] keys;
        private final Node[] children;
        private final List<Name> names;

        Node(char[] keys, Node[] children, List<Name> names) {
            this.keys = keys;
            this.children = children;
            this.names = names;
        }

        Node child(char c) {
            int at = Arrays.binarySearch(keys, c);
            return at >= 0 ? children[at] : null;
        }
    }

    private static final class Draft {
        private final TreeMap<Character, Draft> children = new TreeMap<>();
        private final List<Name> names = new ArrayList<>();

        Node freeze() {
            char[] keys = new char[children.size()];
            Node[] nodes = new Node[children.size()];
            int i = 0;
            for (Map.Entry<Character, Draft> child : children.entrySet()) {
                keys[i] = child.getKey();
                nodes[i] = child.getValue().freeze();
                i++;
            }
            return new Node(keys, nodes, names.isEmpty() ? null : List.copyOf(names));
        }
    }
}
