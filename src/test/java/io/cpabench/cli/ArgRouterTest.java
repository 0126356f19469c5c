package io.cpabench.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
