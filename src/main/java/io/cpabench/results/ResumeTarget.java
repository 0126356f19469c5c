package io.cpabench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code run --resume DIR} points at: a parts directory itself, or a directory above it
 * ({@code jdk<label>}, the runner's, the results root) holding exactly one unfinished run; the parts
 * directories of one run's several JDK configurations count as one run.
 */
public final class ResumeTarget {
    private ResumeTarget() {}

    public static Path find(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--resume " + dir + ": no such directory");
        }
        if (Files.isRegularFile(dir.resolve(PartsDir.PLAN))) {
            return dir;
        }
        List<Path> candidates = candidates(dir);
        // the JDK configurations of one interleaved run share the name; any of them resumes them all
        if (candidates.size() == 1 || candidates.stream().map(p -> p.getParent().resolveSibling(p.getFileName())).distinct().count() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("--resume " + dir + ": no unfinished run (*" + PartsDir.SUFFIX + " with " + PartsDir.PLAN + ") in it");
        }
        throw new IllegalArgumentException("--resume " + dir + ": " + candidates.size() + " unfinished runs, name one: "
                + candidates.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }

    // Depth 3 reaches <results>/<runner>/jdk<major>/<stamp>.parts from the results root.
    private static List<Path> candidates(Path dir) {
        try (Stream<Path> all = Files.walk(dir, 3)) {
            return all.filter(p -> p.getFileName().toString().endsWith(PartsDir.SUFFIX))
                    .filter(p -> Files.isRegularFile(p.resolve(PartsDir.PLAN)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
