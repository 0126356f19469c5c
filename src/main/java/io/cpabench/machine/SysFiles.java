package io.cpabench.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads of /proc and /sys that answer "not there" (null or empty) instead of throwing: each fact is optional. */
final class SysFiles {
    private SysFiles() {}

    static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The first line of the first file that exists and is not empty. */
    static String firstLine(List<Path> candidates) {
        for (Path p : candidates) {
            List<String> l = lines(p);
            if (!l.isEmpty() && !l.get(0).isBlank()) {
                return l.get(0).trim();
            }
        }
        return null;
    }

    /** The value of {@code key<sep>value} in a file like /proc/cpuinfo or /etc/os-release. */
    static String value(Path p, String key, char sep) {
        for (String l : lines(p)) {
            int i = l.indexOf(sep);
            if (i > 0 && l.substring(0, i).trim().equals(key)) {
                return l.substring(i + 1).trim().replaceAll("^\"|\"$", "");
            }
        }
        return null;
    }
}
