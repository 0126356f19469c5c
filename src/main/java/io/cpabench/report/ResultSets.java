package io.cpabench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpabench.results.JmhRow;
import io.cpabench.results.ResultPaths;
import io.cpabench.results.ResultSetDirs;
import io.cpabench.results.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds the result sets named on the command line: a file is one set, a directory is every JMH JSON
 * file below it (e.g. {@code jmh-results/} with one run per runner and JDK). Every problem is an
 * {@link IllegalArgumentException} with a one-line message, raised before anything is written.
 */
public final class ResultSets {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultSets() {}

    public static List<ResultSet> load(List<Path> inputs) {
        return plan(inputs).sets();
    }

    /**
     * The sets and the diffs to make of them. Two or more runner directories (or results roots) pair by
     * JDK label: every set of the second input's {@code jdk17} against the first input's {@code jdk17};
     * the labels some input lacks are named in {@code unpaired}. Anything else diffs every later set
     * against the first, as a single directory of runs or a list of files always did.
     */
    public static SetPlan plan(List<Path> inputs) {
        if (inputs.size() >= 2 && inputs.stream().allMatch(ResultSets::labelled)) {
            return byLabel(inputs);
        }
        List<ResultSet> sets = unlabelled(inputs);
        List<SetPlan.Pair> diffs = new ArrayList<>();
        // a CPython interpreter's set against the first such set, the JVM's against the first JVM set: their rows differ
        for (int i = 1; i < sets.size(); i++) {
            boolean cpython = isCpython(sets.get(i));
            ResultSet first = sets.stream().filter(s -> isCpython(s) == cpython).findFirst().orElseThrow();
            if (first != sets.get(i)) {
                diffs.add(new SetPlan.Pair(first, sets.get(i)));
            }
        }
        return new SetPlan(sets, diffs, List.of());
    }

    /** A set of the CPython harness's rows ({@code run --python}), which only another such set can be diffed with. */
    static boolean isCpython(ResultSet s) {
        return !s.rows().isEmpty() && s.rows().stream().allMatch(io.cpabench.tables.ImitationPairs::isCpython);
    }

    private static boolean labelled(Path in) {
        return ResultSetDirs.find(in).get(0).labelled();
    }

    private static SetPlan byLabel(List<Path> inputs) {
        List<ResultSet> sets = new ArrayList<>();
        // per input, per label, its runs in path order
        List<Map<String, List<ResultSet>>> byInput = new ArrayList<>();
        Set<String> allLabels = new TreeSet<>();
        for (Path in : inputs) {
            Map<String, List<ResultSet>> labels = new LinkedHashMap<>();
            String name = in.toAbsolutePath().normalize().getFileName() + "/";
            for (ResultSetDirs.Found f : ResultSetDirs.find(in)) {
                for (Path file : jsonFiles(f.path())) {
                    ResultSet s = read(file, Path.of(name + f.label()).resolve(f.path().relativize(file)));
                    sets.add(s);
                    labels.computeIfAbsent(f.label(), k -> new ArrayList<>()).add(s);
                }
            }
            byInput.add(labels);
            allLabels.addAll(labels.keySet());
        }
        List<SetPlan.Pair> diffs = new ArrayList<>();
        List<String> unpaired = new ArrayList<>();
        for (String label : allLabels) {
            List<String> lacking = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (!byInput.get(i).containsKey(label)) {
                    lacking.add(inputs.get(i).toString());
                }
            }
            if (!lacking.isEmpty()) {
                unpaired.add(label + " not in " + String.join(", ", lacking) + ": not compared there");
            }
            List<ResultSet> base = byInput.get(0).get(label);
            for (int i = 1; base != null && i < inputs.size(); i++) {
                byInput.get(i).getOrDefault(label, List.of()).forEach(s -> diffs.add(new SetPlan.Pair(base.get(0), s)));
            }
        }
        if (diffs.isEmpty()) {
            throw new IllegalArgumentException("report: no JDK label in " + inputs.get(0) + " is in another input");
        }
        return new SetPlan(sets, diffs, unpaired);
    }

    private static List<ResultSet> unlabelled(List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("report: name a result file or directory");
        }
        List<ResultSet> sets = new ArrayList<>();
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                throw new IllegalArgumentException("report: no such file or directory: " + in);
            }
            if (Files.isDirectory(in)) {
                List<Path> files = jsonFiles(in);
                if (files.isEmpty()) {
                    throw new IllegalArgumentException("report: no JMH result files in " + in);
                }
                for (Path f : files) {
                    sets.add(read(f, in.relativize(f)));
                }
            } else {
                sets.add(read(in, shownName(in)));
            }
        }
        return sets;
    }

    /**
     * A result file named by where it sits in the results layout ("runner/jdk25/stamp"), since two JDKs'
     * runs of one cross-JDK run share a time stamp; any other file by its own name.
     */
    static Path shownName(Path file) {
        Path abs = file.toAbsolutePath();
        Path jdk = abs.getParent();
        if (jdk != null && jdk.getFileName() != null && ResultPaths.isJdkDirectory(jdk.getFileName().toString())
                && jdk.getParent() != null && jdk.getParent().getFileName() != null) {
            return jdk.getParent().getFileName().resolve(jdk.getFileName()).resolve(abs.getFileName());
        }
        return abs.getFileName();
    }

    // Sorted by path, so jdk17 comes before jdk25 and older runs before newer ones: the diff's old side first.
    private static List<Path> jsonFiles(Path dir) {
        return RunFiles.list(dir, true, "report");
    }

    private static ResultSet read(Path file, Path shown) {
        List<JsonNode> json;
        try {
            json = RunFiles.rows(file).orElseThrow(() -> new IllegalArgumentException("report: not JMH JSON: " + file));
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("report: not JMH JSON: " + file);
        }
        if (json.isEmpty()) {
            throw new IllegalArgumentException("report: not JMH JSON (no result rows): " + file);
        }
        List<JmhRow> rows = json.stream().map(JmhRow::of).collect(Collectors.toList());
        String label = shown.toString().replace('\\', '/').replaceFirst("\\.json$", "");
        return new ResultSet(label, file, json, rows, env(ResultPaths.envFile(file)));
    }

    // An environment file is context, not data: a damaged one leaves its table empty, it does not stop the report.
    private static JsonNode env(Path file) {
        try {
            return Files.isRegularFile(file) ? MAPPER.readTree(file.toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
