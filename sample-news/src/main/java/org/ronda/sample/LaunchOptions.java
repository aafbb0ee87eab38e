package org.ronda.sample;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line of {@link SampleNewsServer#main}: {@code [--port N] [--sources-out FILE]}.
 *
 * @param port       the port to bind on 127.0.0.1; 0 picks a free one
 * @param sourcesOut where to write the source list, if anywhere
 */
record LaunchOptions(int port, Optional<Path> sourcesOut) {

    /** The port when {@code --port} is not given. */
    static final int DEFAULT_PORT = 8090;

    static final String USAGE = "usage: sample-news [--port N] [--sources-out FILE]";

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message fit for the user. */
    static LaunchOptions parse(String... args) {
        int port = DEFAULT_PORT;
        Path sourcesOut = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!flag.equals("--port") && !flag.equals("--sources-out")) {
                throw new IllegalArgumentException("unknown argument '" + flag + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            if (flag.equals("--port")) {
                port = port(value);
            } else {
                sourcesOut = Path.of(value);
            }
        }
        return new LaunchOptions(port, Optional.ofNullable(sourcesOut));
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, got '" + value + "'");
    }
}
