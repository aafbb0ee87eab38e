package org.ronda.query;

/**
 * A query that does not follow the query language. The message names the problem and ends with
 * {@code at N} (then perhaps a hint in parentheses), N being the zero-based character offset in the query where it was found.
 */
public final class QuerySyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String problem;

    QuerySyntaxException(String problem, int position) {
        this(problem, position, null);
    }

    QuerySyntaxException(String problem, int position, String hint) {
        super(problem + " at " + position + (hint == null ? "" : " (" + hint + ")"));
        this.problem = problem;
        this.position = position;
    }

    /** Zero-based offset in the query of the character or token at fault. */
    public int position() {
        return position;
    }

    /** The problem without its position, e.g. {@code unclosed quote}. */
    public String problem() {
        return problem;
    }
}
