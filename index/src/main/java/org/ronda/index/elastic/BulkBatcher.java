package org.ronda.index.elastic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the documents of one poll into bulk requests of at most {@code maxDocs} documents and
 * about {@code maxBytes} bytes, keeping their order. A document larger than {@code maxBytes} on
 * its own travels alone rather than being refused here: Elasticsearch decides whether it fits.
 */
public final class BulkBatcher {

    /** Allowance for the action line and separators of one bulk item ({"index":{"_index":…,"_id":…,"version":…}}). */
    static final int ACTION_LINE_BYTES = 200;

    private final int maxDocs;
    private final long maxBytes;

    /** A batcher; both limits must be positive. */
    public BulkBatcher(int maxDocs, long maxBytes) {
        if (maxDocs < 1) {
            throw new IllegalArgumentException("ronda.index.bulk-max-docs must be at least 1, was " + maxDocs);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("ronda.index.bulk-max-bytes must be at least 1, was " + maxBytes);
        }
        this.maxDocs = maxDocs;
        this.maxBytes = maxBytes;
    }

    /** {@code documents} in order, cut into batches that respect both limits; empty for no documents. */
    public List<List<PendingDocument>> split(List<PendingDocument> documents) {
        List<List<PendingDocument>> batches = new ArrayList<>();
        List<PendingDocument> current = new ArrayList<>();
        long bytes = 0;
        for (PendingDocument d : documents) {
            long size = estimatedBytes(d);
            if (!current.isEmpty() && (current.size() >= maxDocs || bytes + size > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(d);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /**
     * The estimated size of {@code d} in a bulk request: the UTF-8 length of its record's payload
     * plus the action line. The document is a reshaped copy of the payload, so the payload is a
     * close and cheap upper bound; Thai or Chinese text counts three bytes a character, as it is sent.
     */
    static long estimatedBytes(PendingDocument d) {
        return utf8Length(d.payload()) + ACTION_LINE_BYTES;
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
