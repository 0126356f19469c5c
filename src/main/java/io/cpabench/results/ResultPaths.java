package io.cpabench.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Where a result set goes: {@code <results>/<runner>/jdk<label>/<UTC timestamp>.json}, the label being
 * the JDK configuration's ({@code 17}, {@code 25}, {@code 25-zgc}); a CPython interpreter's under
 * {@code <results>/<runner>/cpython<major.minor>[t]/}.
 */
public final class ResultPaths {
    // Colons are illegal in Windows file names and awkward in shells, hence 18-05-03 not 18:05:03.
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * A JDK configuration's label, as {@code --jdk} takes it and as its result directory ends: the JDK's
     * major (group 1), optionally with suffixes ({@code 25-zgc}, {@code 25-slow}).
     */
    public static final String JDK_LABEL = "(\\d{1,3})(?:-[A-Za-z0-9._]+)*";

    /**
     * A CPython interpreter's label, as its result directory is named ({@code run --python}): the
     * implementation, major.minor (groups 1 and 2), and {@code t} (group 3) for a free-threaded build.
     */
    public static final String CPYTHON_LABEL = "cpython(\\d{1,2})\\.(\\d{1,3})(t?)";

    private ResultPaths() {}

    /**
     * {@code jdk17}, {@code jdk25-zgc}, {@code cpython3.13t}: a directory {@code run} writes one
     * configuration's results to (a JDK's or a CPython interpreter's), each a labelled result set.
     */
    public static boolean isJdkDirectory(String name) {
        return name.matches("jdk" + JDK_LABEL) || isCpythonDirectory(name);
    }

    /** {@code cpython3.11}, {@code cpython3.13t}: the results of one CPython interpreter. */
    public static boolean isCpythonDirectory(String name) {
        return name.matches(CPYTHON_LABEL);
    }

    /** A runner label safe as one path segment: letters, digits, '.', '_' and '-' only. */
    public static String sanitiseRunner(String label) {
        String s = label == null ? "" : label.trim().replaceAll("[^A-Za-z0-9._-]+", "-");
        s = s.replaceAll("^[.-]+", "").replaceAll("-+$", "");
        return s.isEmpty() ? "unknown-host" : s;
    }

    public static String stamp(Instant t) {
        return STAMP.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    public static Path directory(Path results, String runner, String jdkLabel) {
        return directoryNamed(results, runner, "jdk" + jdkLabel);
    }

    /** The result directory {@code name} ({@code jdk17}, {@code cpython3.11}) of a runner. */
    public static Path directoryNamed(Path results, String runner, String name) {
        return results.resolve(sanitiseRunner(runner)).resolve(name);
    }

    /** The first free name: {@code stamp.json}, then {@code stamp-2.json}, … so nothing is overwritten. */
    public static Path freeFile(Path dir, Instant t) {
        String base = stamp(t);
        Path candidate = dir.resolve(base + ".json");
        for (int n = 2; Files.exists(candidate) || Files.exists(envFile(candidate)); n++) {
            candidate = dir.resolve(base + "-" + n + ".json");
        }
        return candidate;
    }

    /** The environment file that sits beside a result file. */
    public static Path envFile(Path resultFile) {
        String name = resultFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return resultFile.resolveSibling(stem + ".env.json");
    }
}
