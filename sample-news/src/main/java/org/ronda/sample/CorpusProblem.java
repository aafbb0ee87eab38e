package org.ronda.sample;

import java.util.Objects;

/**
 * One defect found while loading the sample corpus.
 *
 * @param file    the resource it was found in, e.g. {@code sample-news/articles/kl-daily.json}
 * @param item    the entry concerned, e.g. {@code outlet 'kl-daily'}, {@code article 'raid-in-johor'}
 *                or {@code article #3} when its slug is missing; {@code null} when the defect is in
 *                the file as a whole
 * @param reason  what is wrong, in a sentence a content writer can act on
 */
public record CorpusProblem(String file, String item, String reason) {

    public CorpusProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return item == null ? file + ": " + reason : file + ", " + item + ": " + reason;
    }
}
