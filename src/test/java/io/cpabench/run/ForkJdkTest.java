package io.cpabench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForkJdkTest {
    private static final List<String> MODELS = List.of("SEQUENTIAL", "VIRTUAL_THREADS", "FORK_JOIN");

    @Test
    void virtualThreadsOnlyFrom21() {
        assertThat(new ForkJdk(17, null).runnableModels(MODELS)).containsExactly("SEQUENTIAL", "FORK_JOIN");
        assertThat(new ForkJdk(21, null).runnableModels(MODELS)).isEqualTo(MODELS);
        assertThat(new ForkJdk(25, null).runnableModels(MODELS)).isEqualTo(MODELS);
        assertThat(new ForkJdk(17, null).skipMessage()).isEqualTo("skipped VIRTUAL_THREADS: needs JDK 21+, forks run JDK 17");
    }

    @Test
    void unsafeFlagOnlyFrom24() {
        assertThat(new ForkJdk(17, null).forkJvmArgs()).isEmpty();
        assertThat(new ForkJdk(21, null).forkJvmArgs()).isEmpty();
        assertThat(new ForkJdk(24, null).forkJvmArgs()).containsExactly("--sun-misc-unsafe-memory-access=allow");
        assertThat(new ForkJdk(25, null).forkJvmArgs()).containsExactly("--sun-misc-unsafe-memory-access=allow");
    }

    @Test
    void majorFromVersionOutput() {
        assertThat(ForkJdk.parseMajor("openjdk version \"17.0.15\" 2025-04-15\nOpenJDK Runtime")).isEqualTo(17);
        assertThat(ForkJdk.parseMajor("openjdk version \"25\" 2025-09-16")).isEqualTo(25);
        assertThat(ForkJdk.parseMajor("openjdk version \"25.0.1\" 2025-10-21 LTS")).isEqualTo(25);
        assertThat(ForkJdk.parseMajor("java version \"1.8.0_392\"")).isEqualTo(8);
        assertThat(ForkJdk.parseMajor("openjdk version \"26-ea\" 2026-03-17")).isEqualTo(26);
        assertThatThrownBy(() -> ForkJdk.parseMajor("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runningJvmByDefault() {
        assertThat(ForkJdk.of(null).major()).isEqualTo(Runtime.version().feature());
    }

    @Test
    void virtualThreadCancellationCasesNeedJdk21Too() {
        List<String> cases = List.of("EVENT_LOOP", "VIRTUAL_THREAD_BLOCKED", "VIRTUAL_THREAD_COMPUTING");
        assertThat(new ForkJdk(17, null).runnableModels(cases)).containsExactly("EVENT_LOOP");
        assertThat(new ForkJdk(25, null).runnableModels(cases)).isEqualTo(cases);
    }
}
