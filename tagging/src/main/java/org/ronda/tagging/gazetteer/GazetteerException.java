package org.ronda.tagging.gazetteer;

/**
 * A gazetteer file that cannot be loaded: the file, the line (1-based; 0 when the problem is the
 * file as a whole) and the reason. Loading never skips a bad line, so a typo in a name list stops
 * start-up instead of silently losing the names after it.
 */
public final class GazetteerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String reason;

    public GazetteerException(String file, int line, String reason) {
        this(file, line, reason, null);
    }

    public GazetteerException(String file, int line, String reason, Throwable cause) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The file as it was described when loading, e.g. {@code classpath:/gazetteer/countries.tsv}. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    /** Why the line or file was refused. */
    public String reason() {
        return reason;
    }
}
