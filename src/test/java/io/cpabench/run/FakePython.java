package io.cpabench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stand-in for a CPython interpreter and its harness, as a shell script: it answers the version check
 * and the harness's {@code env} probe, and for {@code run} writes one JMH-format row per call (score =
 * the call's number) and logs what it ran, failing the calls asked for with the harness's exit code 1.
 */
public final class FakePython {
    private FakePython() {}

    /**
     * @param version      what {@code sys.version_info[:2]} says, e.g. "3.11"
     * @param label        the harness's label, e.g. "cpython3.13t"
     * @param freeThreaded whether the probe reports a free-threaded build with the GIL off
     * @param failing      1-based call numbers of {@code run} that fail
     */
    public static Path write(Path dir, String name, String version, String label, boolean freeThreaded, Set<Integer> failing)
            throws IOException {
        Files.createDirectories(dir);
        Path script = dir.resolve(name);
        Path log = log(script);
        String fail = failing.stream().map(String::valueOf).collect(Collectors.joining(" "));
        String text = String.join("\n", List.of(
                "#!/bin/sh",
                "if [ \"$1\" = \"-c\" ]; then printf '%s' '" + version + "'; exit 0; fi",
                "if [ \"$3\" = \"env\" ]; then",
                "  printf '%s\\n' '{\"logicalCores\": 2, \"interpreter\": {\"label\": \"" + label + "\", \"implementation\": \"cpython\","
                        + " \"freeThreadedBuild\": " + freeThreaded + ", \"gilEnabled\": " + !freeThreaded + "}, \"failed\": [], \"notes\": []}'",
                "  exit 0",
                "fi",
                "shift 3",
                "bench=''; out=''; params=''",
                "while [ $# -gt 0 ]; do",
                "  case \"$1\" in",
                "    --benchmark) bench=$2; shift 2;;",
                "    -p) k=${2%%=*}; v=${2#*=}; params=\"$params${params:+, }\\\"$k\\\": \\\"$v\\\"\"; shift 2;;",
                "    --out) out=$2; shift 2;;",
                "    *) shift;;",
                "  esac",
                "done",
                "echo \"$bench {$params}\" >> '" + log + "'",
                "n=$(wc -l < '" + log + "' | tr -d ' ')",
                "for f in " + fail + "; do if [ \"$f\" = \"$n\" ]; then echo 'cpabench_py: benchmark failed: fork 1: boom' >&2; exit 1; fi; done",
                "printf '%s\\n' \"[{\\\"benchmark\\\": \\\"$bench\\\", \\\"mode\\\": \\\"thrpt\\\", \\\"threads\\\": 1, \\\"forks\\\": 1,"
                        + " \\\"params\\\": {$params}, \\\"primaryMetric\\\": {\\\"score\\\": $n, \\\"scoreError\\\": \\\"NaN\\\","
                        + " \\\"scoreConfidence\\\": [$n, $n], \\\"scoreUnit\\\": \\\"ops/s\\\", \\\"rawData\\\": [[$n]]},"
                        + " \\\"secondaryMetrics\\\": {}}]\" > \"$out\"",
                "exit 0", ""));
        Files.writeString(script, text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** What the script ran, one line per {@code run} call: "cpython.ScalingBenchmark.run {params}". */
    public static List<String> ran(Path script) throws IOException {
        Path log = log(script);
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static Path log(Path script) {
        return script.resolveSibling(script.getFileName() + ".log");
    }
}
