package io.cpabench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The result sets a path on the command line names, so {@code compare} and {@code report} can take
 * the directories {@code run} writes. A result file, or a directory holding result files itself (a
 * JDK directory, a directory of runs), is one set without a label. A runner directory
 * ({@code <results>/<runner>/}) holds one set per JDK configuration, labelled by its directory name
 * ({@code jdk17}, {@code jdk25-zgc}); a results root holds runner directories, and its sets are
 * labelled {@code <runner>/jdk17}. The labels are what pairs the sets of two such paths.
 */
public final class ResultSetDirs {
    /** One set: {@code label} is empty for a file or a directory of runs. */
    public record Found(String label, Path path) {
        public boolean labelled() {
            return !label.isEmpty();
        }
    }

    private ResultSetDirs() {}

    /**
     * The sets below {@code path}, labelled ones in label order; the path itself, unlabelled, when it is
     * a file or holds no JDK directories (reading it then says what is wrong with it).
     */
    public static List<Found> find(Path path) {
        if (!Files.isDirectory(path) || holdsResults(path)) {
            return List.of(new Found("", path));
        }
        List<Found> out = new ArrayList<>(jdkDirectories(path, ""));
        if (out.isEmpty()) {
            for (Path runner : subdirectories(path)) {
                out.addAll(jdkDirectories(runner, runner.getFileName() + "/"));
            }
        }
        return out.isEmpty() ? List.of(new Found("", path)) : out;
    }

    private static List<Found> jdkDirectories(Path dir, String prefix) {
        List<Found> out = new ArrayList<>();
        for (Path sub : subdirectories(dir)) {
            String name = sub.getFileName().toString();
            if (ResultPaths.isJdkDirectory(name) && holdsResults(sub)) {
                out.add(new Found(prefix + name, sub));
            }
        }
        return out;
    }

    // A JSON file that is not an environment file: whether it really is JMH's is for the reader to say.
    private static boolean holdsResults(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().endsWith(".env.json"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> subdirectories(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
