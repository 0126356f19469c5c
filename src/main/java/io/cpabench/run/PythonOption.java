package io.cpabench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpabench.results.ResultPaths;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --python PATH}, repeatable: the CPython interpreters whose pieces join the run. Each is checked
 * before anything runs (it exists, is executable, is Python 3.10 or newer, the harness's probe answers),
 * and labelled by what the probe says it is ({@code cpython3.11}, {@code cpython3.13t} for a free-threaded
 * build), never by the name given, so a result set under cpython3.13t/ really ran a 3.13t.
 */
public final class PythonOption {
    /** The oldest Python the harness is written for (match statements aside, it needs 3.10's typing and zip(strict)). */
    static final int MIN_MINOR = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)");

    /** An interpreter as probed: its configuration and the harness's environment record of it. */
    public record Probed(ForkPython target, JsonNode env) {
        /** "free-threaded build, GIL off" when it is one: said before the run, beside its THREADS rows. */
        public Optional<String> note() {
            JsonNode i = env.path("interpreter");
            if (!i.path("freeThreadedBuild").asBoolean()) {
                return Optional.empty();
            }
            return Optional.of(target.describe() + ": a free-threaded build, GIL " + (i.path("gilEnabled").asBoolean(true)
                    ? "on (PYTHON_GIL=1 or an extension enabled it)" : "off: its THREADS rows compute in parallel"));
        }
    }

    private PythonOption() {}

    /** The interpreters in the order given, each probed; one line naming the problem for any that will not do. */
    public static List<Probed> resolve(List<String> specs) {
        Map<String, Probed> byLabel = new LinkedHashMap<>();
        for (String spec : specs) {
            Probed p = probe(spec);
            Probed before = byLabel.put(p.target().label(), p);
            if (before != null) {
                throw new IllegalArgumentException("--python " + spec + " and --python " + before.target().python() + " are both "
                        + p.target().label() + "; each interpreter label gets one result set");
            }
        }
        return List.copyOf(byLabel.values());
    }

    /** One interpreter: found, version checked, probed by the harness. */
    public static Probed probe(String spec) {
        String python = spec == null ? "" : spec.trim();
        if (python.isEmpty()) {
            throw new IllegalArgumentException("--python needs an interpreter: a path or a name on PATH, e.g. --python python3");
        }
        Path exe = locate(python);
        String version = run(python, exe, List.of("-c", "import sys; sys.stdout.write('%d.%d' % sys.version_info[:2])"), false);
        Matcher m = MAJOR_MINOR.matcher(version.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--python " + python + ": not a Python interpreter (it printed '"
                    + firstLine(version) + "' for its version)");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 3 || (major == 3 && minor < MIN_MINOR)) {
            throw new IllegalArgumentException("--python " + python + " is Python " + major + "." + minor
                    + "; the CPython harness needs Python 3." + MIN_MINOR + " or newer");
        }
        JsonNode env;
        try {
            env = MAPPER.readTree(run(python, exe, List.of("env"), true));
        } catch (IOException e) {
            throw new IllegalArgumentException("--python " + python + ": the harness's probe did not print its record: " + e.getMessage(), e);
        }
        String label = env == null ? "" : env.path("interpreter").path("label").asText("");
        if (!label.matches(ResultPaths.CPYTHON_LABEL)) {
            throw new IllegalArgumentException("--python " + python + " is " + (label.isEmpty() ? "not an interpreter the harness knows" : label)
                    + "; run --python takes CPython interpreters (cpython3.10 or newer, cpython3.13t)");
        }
        return new Probed(new ForkPython(label, python), env);
    }

    /**
     * The configuration a resume continues must still be the interpreter planned: a resume on another
     * Python would mix two versions in one result set.
     */
    static Probed recheck(ForkPython planned) {
        Probed now = probe(planned.python());
        if (!now.target().label().equals(planned.label())) {
            throw new IllegalArgumentException("the run's " + planned.label() + " was " + planned.python() + "; that is "
                    + now.target().label() + " now");
        }
        return now;
    }

    /** The file a name or path stands for: a path as given, a bare name looked up on PATH as a shell would. */
    static Path locate(String python) {
        if (python.contains(File.separator)) {
            Path p = Path.of(python);
            if (Files.isDirectory(p)) {
                throw new IllegalArgumentException("--python " + python + " is a directory; give the interpreter, e.g. its bin/python3");
            }
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("--python " + python + " does not exist");
            }
            if (!Files.isExecutable(p)) {
                throw new IllegalArgumentException("--python " + python + " is not executable");
            }
            return p;
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, python);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--python " + python + ": no such interpreter on PATH; give a name on PATH or a path");
    }

    private static String run(String python, Path exe, List<String> args, boolean harness) {
        ProcessBuilder b = harness ? CpythonHarness.command(exe.toString(), args) : new ProcessBuilder(command(exe, args));
        try {
            Process p = b.redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out;
            String err;
            try (InputStream in = p.getInputStream(); InputStream e = p.getErrorStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalArgumentException("--python " + python + ": its probe did not finish in 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalArgumentException("--python " + python + ": " + (harness ? "the harness's probe failed: " : "not a Python interpreter: ")
                        + firstLine(err.isBlank() ? "exit " + p.exitValue() : lastLine(err)));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("--python " + python + ": cannot run it: " + firstLine(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + python, e);
        }
    }

    private static List<String> command(Path exe, List<String> args) {
        List<String> c = new ArrayList<>();
        c.add(exe.toString());
        c.addAll(args);
        return c;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }

    private static String lastLine(String s) {
        List<String> lines = s.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }
}
