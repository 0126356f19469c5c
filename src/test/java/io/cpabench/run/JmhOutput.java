package io.cpabench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * What JMH 1.37 prints for one fork of a piece with failOnError false, call by call, as copied from a
 * real JMH run (and from its Runner and BaseRunner): the host's lines, and the fork's own calls that
 * JMH's link replays on the host ({@code iteration}, {@code <failure>}). {@link GroupRunnerRealJmhTest}
 * checks that the real JMH is judged as these are.
 */
public final class JmhOutput {
    private JmhOutput() {}

    /** The fork's JVM refuses a JVM option and exits 1 before the benchmark: JMH prints its stderr twice. */
    public static Consumer<OutputFormat> refusedOption(String option) {
        String[] stderr = {"Unrecognized VM option '" + option + "'", "Error: Could not create the Java Virtual Machine.",
                "Error: A fatal exception has occurred. Program will exit."};
        return out -> {
            out.println("# Fork: 1 of 1");
            bytes(out, String.join("\n", stderr) + "\n");
            exited(out, 1, stderr);
        };
    }

    /** The benchmark's @Setup throws in the first iteration; the fork reports it and ends normally. */
    public static Consumer<OutputFormat> benchmarkThrows(String exception) {
        return out -> {
            out.println("# Fork: 1 of 1");
            out.iteration(null, null, 1);
            out.println("<failure>");
            out.println("");
            out.println(exception + "\n\tat io.cpabench.bench.jmh_generated.DispatchBenchmark_run_jmhTest._jmh_tryInit_(X.java:1)");
            out.println("");
        };
    }

    /** The fork's JVM dies in the middle of the benchmark (a crash, the OOM killer). */
    public static Consumer<OutputFormat> crashed(int code) {
        return out -> {
            out.println("# Fork: 1 of 1");
            out.iteration(null, null, 1);
            exited(out, code, new String[0]);
        };
    }

    /** The fork's java cannot be started at all (gone since JMH's own start of it). */
    static Consumer<OutputFormat> notInvoked(String java) {
        return out -> {
            out.println("# Fork: 1 of 1");
            out.println("<failed to invoke the VM, caught IOException: Cannot run program \"" + java + "\": error=2, No such file or directory>");
            out.println("");
        };
    }

    /** A fork that ran: iterations and their results. */
    static Consumer<OutputFormat> ran() {
        return out -> {
            out.println("# Fork: 1 of 1");
            out.iteration(null, null, 1);
            out.iterationResult(null, null, 1, null);
            out.println("");
        };
    }

    private static void exited(OutputFormat out, int code, String[] stderr) {
        out.println("<forked VM failed with exit code " + code + ">");
        out.println("<stdout last='20 lines'>");
        out.println("</stdout>");
        out.println("<stderr last='20 lines'>");
        for (String l : stderr) {
            out.println(l);
        }
        out.println("</stderr>");
        out.println("");
    }

    private static void bytes(OutputFormat out, String s) {
        try {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An output that keeps the lines it is given and drops everything else. */
    static OutputFormat lines(List<String> into) {
        return (OutputFormat) Proxy.newProxyInstance(JmhOutput.class.getClassLoader(), new Class<?>[] {OutputFormat.class}, (p, m, args) -> {
            if (m.getName().equals("println")) {
                into.add((String) args[0]);
            }
            return null;
        });
    }

    static ForkWatch watched(Consumer<OutputFormat> jmh) {
        ForkWatch w = new ForkWatch(lines(new ArrayList<>()));
        jmh.accept(w);
        return w;
    }
}
