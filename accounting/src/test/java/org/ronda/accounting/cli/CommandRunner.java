package org.ronda.accounting.cli;

import java.io.PrintStream;
import java.time.Clock;

/** Runs the command in-process for integration tests in other packages. */
public final class CommandRunner {

    private CommandRunner() {
    }

    /** The exit status of the command with {@code args}, its standard output written to {@code out}. */
    public static int run(PrintStream out, String... args) {
        return new AccountingCommand(out, Clock.systemUTC()).run(args);
    }
}
