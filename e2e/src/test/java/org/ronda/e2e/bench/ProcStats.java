package org.ronda.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** What Linux says about a process in {@code /proc}: peak resident memory and CPU time. */
final class ProcStats {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** The peak resident set size ({@code VmHWM}) in KiB, if the process exists. */
    static OptionalLong peakRssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not ours to read
        }
        return OptionalLong.empty();
    }

    /** User plus system CPU time in seconds, if the process exists. */
    static OptionalDouble cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which may hold spaces and is closed by the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalDouble.of((Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** The whole machine's load averages, as {@code /proc/loadavg} prints them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
