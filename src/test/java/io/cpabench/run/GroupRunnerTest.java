package io.cpabench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.Options;

class GroupRunnerTest {
    private final PlannedRun run = new PlannedRun("cpu", "^X$", Map.of("model", List.of("SEQUENTIAL")), Set.of("model"),
            2, 1, 2, "1s", 4, "100ms", List.of("--sun-misc-unsafe-memory-access=allow"), true);

    @Test
    void aPlannedRunBecomesJmhOptions() {
        Options o = new GroupRunner(java.util.Optional.empty(), new JmhExtras(List.of())).options(run, Path.of("g.json")).build();
        assertThat(o.getIncludes()).containsExactly("^X$");
        assertThat(o.getThreads().get()).isEqualTo(2);
        assertThat(o.getMeasurementIterations().get()).isEqualTo(4);
        assertThat(o.getMeasurementTime().get().getTime()).isEqualTo(100);
        assertThat(o.getParameter("model").get()).containsExactly("SEQUENTIAL");
        assertThat(o.shouldFailOnError().get()).isTrue();
        assertThat(o.getResultFormat().get()).isEqualTo(ResultFormatType.JSON);
        assertThat(o.getResult().get()).isEqualTo("g.json");
        // prepend leaves the benchmarks' own @Fork(jvmArgsAppend) in force
        assertThat(o.getJvmArgsPrepend().get()).containsExactly("--sun-misc-unsafe-memory-access=allow");
        assertThat(o.getJvmArgsAppend().hasValue()).isFalse();
        assertThat(o.getJvm().hasValue()).isFalse();
    }

    @Test
    void failuresOutsideTheBenchmarkAreToldApart() {
        assertThat(JmhLock.isLockFailure("ERROR: Another JMH instance might be running. Unable to acquire the JMH lock (/tmp/jmh.lock), exiting."))
                .isTrue();
        assertThat(JmhLock.isLockFailure("ERROR: Unable to create the JMH lock (/tmp/jmh.lock), exiting.")).isTrue();
        assertThat(JmhLock.isLockFailure("Benchmark had encountered error, and fail on error was requested")).isFalse();
        Exception noJava = new RuntimeException("fork", new java.io.IOException("Cannot run program \"/nope/java\": error=2, No such file"));
        assertThat(GroupRunner.cannotStart(noJava)).isTrue();
        assertThat(GroupRunner.cannotStart(new RuntimeException("java.lang.OutOfMemoryError in the benchmark"))).isFalse();
        assertThat(new PieceOutcome(Path.of("x"), java.util.Optional.of("fork crashed")).outside()).isFalse();
        // JMH 1.37's words when a --jvm other than its own cannot be started for its properties
        assertThat(GroupRunner.javaNotStarted("Unable to extract forked JVM properties using: '/gone/java -cp a.jar "
                + "org.openjdk.jmh.runner.PrintPropertiesMain'; [Cannot run program \"/gone/java\": error=2, No such file or directory]"))
                .contains("its fork's java could not be started: Cannot run program \"/gone/java\": error=2, No such file or directory");
        assertThat(GroupRunner.javaNotStarted("Benchmark caught the exception")).isEmpty();
    }

    @Test
    void userJmhOptionsPassThrough() {
        JmhExtras extras = new JmhExtras(List.of("-prof", "gc", "-tu", "ms", "-jvmArgsAppend", "-Xmx2g"));
        Options o = new GroupRunner(java.util.Optional.of("/opt/jdk/bin/java"), extras).options(run, Path.of("g.json")).build();
        assertThat(o.getProfilers()).extracting(p -> p.getKlass())
                .containsExactly("gc", io.cpabench.latency.LatencyProfiler.class.getName());
        assertThat(o.getTimeUnit().get()).isEqualTo(java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(o.getJvmArgsAppend().get()).containsExactly("-Xmx2g");
        assertThat(o.getJvm().get()).isEqualTo("/opt/jdk/bin/java");
    }
}
