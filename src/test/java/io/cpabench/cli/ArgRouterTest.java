package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgRouterTest {
    @Test
    void noArgumentsIsTheDefaultRun() {
        assertThat(ArgRouter.toJmh(new String[0])).isFalse();
        assertThat(ArgRouter.forSuite(new String[0])).containsExactly("run", "--profile", "quick");
    }

    @Test
    void subcommandsStayWithTheSuite() {
        for (String sub : new String[] {"run", "compare", "report"}) {
            assertThat(ArgRouter.toJmh(new String[] {sub, "x"})).as(sub).isFalse();
        }
        String[] args = {"run", "--profile", "smoke"};
        assertThat(ArgRouter.forSuite(args)).isSameAs(args);
    }

    @Test
    void everythingElseGoesToJmhUnchanged() {
        String[][] jmh = {{"-l"}, {"-lp"}, {"-h"}, {"-p", "model=GIL_THREADS"}, {"Scaling"}, {"-f", "1", "-rf", "json"},
                {".*Dispatch.*", "-wi", "1"}, {"Run"}, {"--"}};
        for (String[] args : jmh) {
            assertThat(ArgRouter.toJmh(args)).as(String.join(" ", args)).isTrue();
        }
    }

    @Test
    void suiteParamsGivenToJmhAreCheckedBeforeAnyForkStarts() {
        assertThatCode(() -> ArgRouter.checkJmhParams(
                        new String[] {"Scaling", "-p", "model=GIL_THREADS,SEQUENTIAL", "-p", "tasks=7", "-p", "lock=GIL"}))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ArgRouter.checkJmhParams(new String[] {"-p", "model=SEQUENTIAL,FIBERS"}))
                .hasMessageContaining("unknown model 'FIBERS'")
                .hasMessageContaining("GIL_THREADS");
        assertThatThrownBy(() -> ArgRouter.checkJmhParams(new String[] {"-p", "workload=DISK"}))
                .hasMessageContaining("valid: CPU");
        assertThatThrownBy(() -> ArgRouter.checkJmhParams(new String[] {"-p", "lock=MUTEX"}))
                .hasMessageContaining("valid: NONE, GIL");
        assertThatThrownBy(() -> ArgRouter.checkJmhParams(new String[] {"-p", "model=gil_threads"}))
                .hasMessageContaining("must be spelled GIL_THREADS");
        // any other enum @Param, from the benchmarks' own declarations
        assertThatThrownBy(() -> ArgRouter.checkJmhParams(new String[] {"CancellationBenchmark", "-p", "work=NOPE"}))
                .hasMessageContaining("unknown work 'NOPE'").hasMessageContaining("PLATFORM_THREAD_CHECKS_INTERRUPT");
        assertThatCode(() -> ArgRouter.checkJmhParams(new String[] {"-p", "work=EVENT_LOOP", "-p", "colour=red"}))
                .doesNotThrowAnyException();
    }
}
