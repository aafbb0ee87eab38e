package org.ronda.tagging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * An Aho-Corasick automaton over UTF-16 characters: one pass over a text reports every occurrence
 * of every pattern, however many patterns there are. This is what keeps tagging at one scan per
 * field instead of one regular expression per term. Immutable once built, so one instance serves
 * every thread.
 */
final class PhraseAutomaton {

    /** Receives the matches of one scan. */
    @FunctionalInterface
    interface MatchSink {
        /** Pattern {@code pattern} occurs in the text and ends just before {@code end}. */
        void onMatch(int pattern, int end);
    }

    private static final int NONE = -1;

    // The root is hit on nearly every character, so it gets a direct table; the other states keep
    // sorted edge lists (most have one or two edges).
    private final int[] rootNext = new int[Character.MAX_VALUE + 1];
    private final int[] edgeOffset;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final int[] failure;
    private final int[] pattern;
    private final int[] outputLink;
    private final int[] patternLength;

    /** Builds the automaton; pattern {@code i} of the list is reported as {@code i}. */
    PhraseAutomaton(List<String> patterns) {
        List<TreeMap<Character, Integer>> children = new ArrayList<>();
        List<Integer> patternOf = new ArrayList<>();
        children.add(new TreeMap<>());
        patternOf.add(NONE);
        patternLength = new int[patterns.size()];
        for (int p = 0; p < patterns.size(); p++) {
            String text = patterns.get(p);
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty pattern " + p);
            }
            patternLength[p] = text.length();
            int state = 0;
            for (int i = 0; i < text.length(); i++) {
                Integer next = children.get(state).get(text.charAt(i));
                if (next == null) {
                    next = children.size();
                    children.add(new TreeMap<>());
                    patternOf.add(NONE);
                    children.get(state).put(text.charAt(i), next);
                }
                state = next;
            }
            if (patternOf.get(state) != NONE) {
                throw new IllegalArgumentException("duplicate pattern " + text);
            }
            patternOf.set(state, p);
        }

        int states = children.size();
        edgeOffset = new int[states + 1];
        int edges = 0;
        for (int s = 0; s < states; s++) {
            edgeOffset[s] = edges;
            edges += children.get(s).size();
        }
        edgeOffset[states] = edges;
        edgeChar = new char[edges];
        edgeTarget = new int[edges];
        for (int s = 0; s < states; s++) {
            int e = edgeOffset[s];
            for (var edge : children.get(s).entrySet()) {
                edgeChar[e] = edge.getKey();
                edgeTarget[e] = edge.getValue();
                e++;
            }
        }
        for (var edge : children.get(0).entrySet()) {
            rootNext[edge.getKey()] = edge.getValue();
        }
        pattern = new int[states];
        for (int s = 0; s < states; s++) {
            pattern[s] = patternOf.get(s);
        }

        failure = new int[states];
        outputLink = new int[states];
        Arrays.fill(outputLink, NONE);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int e = edgeOffset[0]; e < edgeOffset[1]; e++) {
            failure[edgeTarget[e]] = 0;
            queue.add(edgeTarget[e]);
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            for (int e = edgeOffset[state]; e < edgeOffset[state + 1]; e++) {
                int child = edgeTarget[e];
                char c = edgeChar[e];
                int f = failure[state];
                int target = step(f, c);
                failure[child] = target;
                outputLink[child] = pattern[target] != NONE ? target : outputLink[target];
                queue.add(child);
            }
        }
    }

    /** Number of characters in pattern {@code p}. */
    int patternLength(int p) {
        return patternLength[p];
    }

    /** Reports every occurrence of every pattern in {@code text[0, length)}. */
    void scan(char[] text, int length, MatchSink sink) {
        int state = 0;
        for (int i = 0; i < length; i++) {
            state = step(state, text[i]);
            if (state == 0) {
                continue;
            }
            int out = pattern[state] != NONE ? state : outputLink[state];
            while (out != NONE) {
                sink.onMatch(pattern[out], i + 1);
                out = outputLink[out];
            }
        }
    }

    private int step(int state, char c) {
        int s = state;
        while (s != 0) {
            int next = edge(s, c);
            if (next != NONE) {
                return next;
            }
            s = failure[s];
        }
        return rootNext[c];
    }

    private int edge(int state, char c) {
        int lo = edgeOffset[state];
        int hi = edgeOffset[state + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char k = edgeChar[mid];
            if (k < c) {
                lo = mid + 1;
            } else if (k > c) {
                hi = mid - 1;
            } else {
                return edgeTarget[mid];
            }
        }
        return NONE;
    }
}
