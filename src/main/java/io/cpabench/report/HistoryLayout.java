package io.cpabench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The nightly's history as {@code nightly.sh compare --history DIR} keeps it:
 * {@code DIR/<runner>/<YYYY-MM-DD>/jdk<label>/} with the night's result files, their environment
 * files, and FLAGGED / ACCEPTED. Files anywhere in the tree (a README, a report) are not nights and
 * are passed over; a directory where a night or a JDK should be is listed as left out, so a
 * misplaced night is seen rather than silently missing.
 */
final class HistoryLayout {
    static final String SHAPE = "DIR/<runner>/<YYYY-MM-DD>/jdk<label>/";

    /** One runner's JDK configuration on one night. */
    record NightDir(String runner, LocalDate night, String jdk, Path dir, NightMark mark) {
        /** "cores16/2026-01-08/jdk25", how problems name it. */
        String name() {
            return runner + "/" + night + "/" + jdk;
        }
    }

    record Found(List<NightDir> nights, List<String> leftOut) {}

    private HistoryLayout() {}

    /** @throws IllegalArgumentException with one line when {@code dir} is not a history holding any night */
    static Found scan(Path dir) {
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("report: no such history directory: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("report: --history wants a directory laid out as " + SHAPE + ", got a file: " + dir);
        }
        List<NightDir> nights = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<Path> runners;
        try {
            runners = subdirs(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("report: cannot list " + dir + ": " + e.getMessage());
        }
        for (Path runner : runners) {
            for (Path night : subdirs(dir, runner, leftOut)) {
                LocalDate date = date(night.getFileName().toString());
                if (date == null) {
                    leftOut.add(dir.relativize(night) + "/: not a night (YYYY-MM-DD)");
                    continue;
                }
                for (Path jdk : subdirs(dir, night, leftOut)) {
                    String label = jdk.getFileName().toString();
                    if (label.startsWith("jdk") || io.cpabench.results.ResultPaths.isCpythonDirectory(label)) {
                        nights.add(new NightDir(runner.getFileName().toString(), date, label, jdk, NightMark.of(jdk)));
                    } else {
                        leftOut.add(dir.relativize(jdk) + "/: not a JDK directory (jdk<label>)");
                    }
                }
            }
        }
        if (nights.isEmpty()) {
            throw new IllegalArgumentException("report: not a nightly history (no " + SHAPE + " directory): " + dir
                    + "; for result files or directories, leave out --history");
        }
        return new Found(nights, leftOut);
    }

    private static LocalDate date(String name) {
        try {
            return name.length() == 10 ? LocalDate.parse(name) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // Below the top, a directory that cannot be listed costs its nights, not the page.
    private static List<Path> subdirs(Path root, Path dir, List<String> leftOut) {
        try {
            return subdirs(dir);
        } catch (IOException e) {
            leftOut.add(root.relativize(dir) + "/: cannot list (" + e.getClass().getSimpleName() + ")");
            return List.of();
        }
    }

    // Sorted, so the page is the same on every file system; dot directories (.git) are not runners.
    private static List<Path> subdirs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
