package org.ronda.tagging;

/**
 * A rule file that cannot be used: missing, unreadable, or with a line that breaks the format
 * (docs/rules-format.md). Rules are rejected whole at load time, so a tagger never runs on half a
 * rule set.
 */
public class RuleFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String reason;

    /**
     * @param file   the file, as a path or a classpath location
     * @param line   1-based line number, or 0 when the problem concerns the whole file
     * @param reason what is wrong, in a few words
     */
    public RuleFileException(String file, int line, String reason) {
        this(file, line, reason, null);
    }

    public RuleFileException(String file, int line, String reason, Throwable cause) {
        super(line > 0 ? file + ", line " + line + ": " + reason : file + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The file, as a path or a classpath location. */
    public String file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
