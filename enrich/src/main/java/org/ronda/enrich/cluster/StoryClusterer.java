package org.ronda.enrich.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups syndicated and rewritten copies of one story, incrementally, within a sliding window.
 * Each article gets a MinHash signature of its shingles; locality-sensitive hashing (bands of the
 * signature) finds candidates, and a candidate whose estimated Jaccard similarity reaches the
 * threshold puts the article in its cluster. The cluster id is {@code c-} plus the article id of
 * the first article seen in it. Assigning an article seen before returns its first assignment, so
 * a replayed record gets the same answer. Not thread-safe: one enrich loop owns one clusterer.
 */
public final class StoryClusterer {

    private static final int HASHES = 128;
    // 32 bands of 4 rows: pairs above ~0.5 similarity share a band with high probability.
    private static final int BANDS = 32;
    private static final int ROWS = HASHES / BANDS;
    private static final int MIN_SHINGLES = 5;

    /** Where an article landed. */
    public record Assignment(String clusterId, boolean first) {
    }

    private static final class Member {
        final String articleId;
        final String clusterId;
        final boolean first;
        final long[] signature;
        final Instant seenAt;
        // The assign() call that last compared this member, so that a candidate found in several
        // bands is compared once.
        long visit;

        Member(String articleId, String clusterId, boolean first, long[] signature, Instant seenAt) {
            this.articleId = articleId;
            this.clusterId = clusterId;
            this.first = first;
            this.signature = signature;
            this.seenAt = seenAt;
        }
    }

    private final Duration window;
    private final double threshold;
    private final long[] seeds = new long[HASHES];
    private final Map<String, Member> members = new HashMap<>();
    private final Map<Long, List<Member>> buckets = new HashMap<>();
    private final Deque<Member> byAge = new ArrayDeque<>();
    private long visits;

    /**
     * @param window    how long an article stays a candidate for new copies
     * @param threshold estimated Jaccard similarity of shingles at which two articles are one story
     */
    public StoryClusterer(Duration window, double threshold) {
        this.window = window;
        this.threshold = threshold;
        for (int i = 0; i < HASHES; i++) {
            seeds[i] = Shingles.mix(0x9e3779b97f4a7c15L * (i + 1));
        }
    }

    /** The cluster of {@code articleId}, whose title and text are given, seen at {@code seenAt}. */
    public Assignment assign(String articleId, String title, String text, Instant seenAt) {
        Member known = members.get(articleId);
        if (known != null) {
            return new Assignment(known.clusterId, known.first);
        }
        evictBefore(seenAt.minus(window));
        long[] shingles = Shingles.of(title + "\n" + text);
        long[] signature = signature(shingles);
        Member best = null;
        int bestSame = 0;
        if (shingles.length >= MIN_SHINGLES) {
            long visit = ++visits;
            for (int band = 0; band < BANDS && bestSame < HASHES; band++) {
                List<Member> bucket = buckets.get(bandKey(signature, band));
                if (bucket == null) {
                    continue;
                }
                for (Member candidate : bucket) {
                    // Seen in an earlier band: same similarity, which cannot beat the best so far.
                    if (candidate.visit == visit) {
                        continue;
                    }
                    candidate.visit = visit;
                    int same = same(signature, candidate.signature);
                    if (same > bestSame) {
                        best = candidate;
                        bestSame = same;
                    }
                }
            }
        }
        boolean joins = best != null && (double) bestSame / HASHES >= threshold;
        Member member = joins
                ? new Member(articleId, best.clusterId, false, signature, seenAt)
                : new Member(articleId, "c-" + articleId, true, signature, seenAt);
        remember(member, shingles.length >= MIN_SHINGLES);
        return new Assignment(member.clusterId, member.first);
    }

    /**
     * Puts back an article whose assignment was already published (start-up rebuild from the
     * enriched topic), so that new copies find it; its recorded cluster is kept as it was.
     */
    public void restore(String articleId, String clusterId, boolean first, String title, String text, Instant seenAt) {
        if (members.containsKey(articleId)) {
            return;
        }
        evictBefore(seenAt.minus(window));
        long[] shingles = Shingles.of(title + "\n" + text);
        remember(new Member(articleId, clusterId, first, signature(shingles), seenAt), shingles.length >= MIN_SHINGLES);
    }

    /** Whether {@code articleId} is held in the window (assigned or restored, not yet evicted). */
    public boolean contains(String articleId) {
        return members.containsKey(articleId);
    }

    /** Articles currently held in the window. */
    public int size() {
        return members.size();
    }

    private void remember(Member member, boolean indexed) {
        members.put(member.articleId, member);
        byAge.addLast(member);
        if (indexed) {
            for (int band = 0; band < BANDS; band++) {
                buckets.computeIfAbsent(bandKey(member.signature, band), k -> new ArrayList<>()).add(member);
            }
        }
    }

    private void evictBefore(Instant cutoff) {
        // Arrival order approximates age; an out-of-order old article only stays a little longer.
        while (!byAge.isEmpty() && byAge.peekFirst().seenAt.isBefore(cutoff)) {
            Member old = byAge.removeFirst();
            members.remove(old.articleId);
            for (int band = 0; band < BANDS; band++) {
                long key = bandKey(old.signature, band);
                List<Member> bucket = buckets.get(key);
                if (bucket != null) {
                    bucket.remove(old);
                    if (bucket.isEmpty()) {
                        buckets.remove(key);
                    }
                }
            }
        }
    }

    private long[] signature(long[] shingles) {
        long[] sig = new long[HASHES];
        for (int i = 0; i < HASHES; i++) {
            long seed = seeds[i];
            long min = Long.MAX_VALUE;
            for (long s : shingles) {
                long h = Shingles.mix(s ^ seed);
                if (h < min) {
                    min = h;
                }
            }
            sig[i] = min;
        }
        return sig;
    }

    private static long bandKey(long[] signature, int band) {
        long h = band * 0x9e3779b97f4a7c15L;
        for (int r = 0; r < ROWS; r++) {
            h = Shingles.mix(h ^ signature[band * ROWS + r]);
        }
        return h;
    }

    /** Signature positions where {@code a} and {@code b} agree: the estimated similarity times {@value #HASHES}. */
    private static int same(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same;
    }
}
