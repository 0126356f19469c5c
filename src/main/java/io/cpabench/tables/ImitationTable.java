package io.cpabench.tables;

import com.fasterxml.jackson.databind.JsonNode;
import io.cpabench.results.JmhRow;
import io.cpabench.results.Numbers;
import io.cpabench.results.ResultPaths;
import io.cpabench.results.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table of {@link ImitationPairs}: a JVM result set's GIL imitations beside one CPython
 * interpreter's real models, as the run prints it under its tables and the report and summary.md show it.
 */
public final class ImitationTable {
    public static final List<String> HEADERS = List.of("pair", "imitation", ">ratio [95%]", "CPython", ">ratio [95%]",
            ">difference", "verdict");

    private ImitationTable() {}

    /** The table's cells, one row per pair. */
    public static List<List<String>> cells(ImitationPairs.Result result) {
        List<List<String>> out = new ArrayList<>();
        for (ImitationPairs.Pair p : result.pairs()) {
            out.add(List.of(p.what(), p.imitation().model(), side(p.imitation(), p.kind()), p.cpython().model(), side(p.cpython(), p.kind()),
                    difference(p), p.verdict()));
        }
        return out;
    }

    /** The sentence under the table: how to read it, and what the interpreter is when its GIL is off. */
    public static String legend(String cpythonLabel, boolean gilOff) {
        return "each side over its own SEQUENTIAL (latency: p99 in ms at the same offered rate), 95% interval over forks"
                + " (none with one fork); difference: imitation − CPython, within ±"
                + String.format(Locale.ROOT, "%.2f", ImitationPairs.FAITHFUL) + " faithful; for waits overlapped and p99, imitation ÷ CPython, within ±10% faithful"
                + (gilOff ? "; " + cpythonLabel + " runs with the GIL off: its THREADS are parallel, which GIL_THREADS does not imitate,"
                        + " so a miss there measures what the GIL costs, not the imitation" : "");
    }

    /** The terminal's text: for each interpreter, its pairs with the first JDK's result set. */
    public static String render(Path jvmFile, List<Path> cpythonFiles) {
        StringBuilder out = new StringBuilder();
        List<JmhRow> jvm = rows(jvmFile);
        for (Path f : cpythonFiles) {
            String label = label(f);
            ImitationPairs.Result r = ImitationPairs.of(jvm, rows(f));
            out.append("=== the imitation beside the real thing: ").append(label(jvmFile)).append(" ↔ ").append(label)
                    .append(System.lineSeparator());
            if (r.pairs().isEmpty()) {
                out.append("  no pair: neither side has the rows a pair needs").append(System.lineSeparator());
            } else {
                TextTable t = new TextTable(HEADERS.toArray(new String[0]));
                cells(r).forEach(c -> t.row(c.toArray(new String[0])));
                out.append(t.render());
                out.append("  ").append(legend(label, gilOff(f))).append(System.lineSeparator());
            }
            r.notes().forEach(n -> out.append("  note: ").append(n).append(System.lineSeparator()));
        }
        return out.toString();
    }

    /** Whether the interpreter of a result set ran with its GIL off (a free-threaded build), as its environment file says. */
    public static boolean gilOff(Path resultFile) {
        Path env = ResultPaths.envFile(resultFile);
        if (!Files.isRegularFile(env)) {
            return false;
        }
        try {
            JsonNode e = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(env));
            return e != null && !e.path("interpreter").path("gilEnabled").asBoolean(true);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String label(Path resultFile) {
        Path dir = resultFile.toAbsolutePath().getParent();
        return dir == null || dir.getFileName() == null ? resultFile.toString() : dir.getFileName().toString();
    }

    private static List<JmhRow> rows(Path file) {
        List<JmhRow> out = new ArrayList<>();
        RunFiles.rows(file).orElse(List.of()).forEach(r -> out.add(JmhRow.of(r)));
        return out;
    }

    static String side(ImitationPairs.Side s, ImitationPairs.Kind kind) {
        String v = kind == ImitationPairs.Kind.SPEEDUP ? fixed(s.value()) : Numbers.sig(s.value(), 3);
        if (!s.hasInterval()) {
            return v + (s.forks() == 1 ? " (1 fork)" : "");
        }
        return kind == ImitationPairs.Kind.SPEEDUP ? v + " [" + fixed(s.low()) + ", " + fixed(s.high()) + "]"
                : v + " [" + Numbers.sig(s.low(), 3) + ", " + Numbers.sig(s.high(), 3) + "]";
    }

    static String difference(ImitationPairs.Pair p) {
        return p.kind() == ImitationPairs.Kind.SPEEDUP ? String.format(Locale.ROOT, "%+.2f", p.difference())
                : "÷ " + Numbers.times(p.difference());
    }

    private static String fixed(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2f", x);
    }
}
