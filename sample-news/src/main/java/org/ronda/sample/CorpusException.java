package org.ronda.sample;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The sample corpus could not be loaded. Carries every defect found, not only the first, so a
 * content writer can fix a file in one pass.
 */
public final class CorpusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<CorpusProblem> problems;

    CorpusException(List<CorpusProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The defects, in the order the files were read. Never empty. */
    public List<CorpusProblem> problems() {
        return problems;
    }

    private static String describe(List<CorpusProblem> problems) {
        return "sample corpus is invalid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):"
                + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}
