package io.cpabench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JmhExtrasTest {
    @Test
    void paramsAreReadAsJmhReadsThem() {
        JmhExtras x = new JmhExtras(List.of("-p", "model=A,B", "-f", "2", "-p", "workers=1"));
        assertThat(x.params()).containsEntry("model", List.of("A", "B")).containsEntry("workers", List.of("1"));
        assertThat(x.forks()).contains(2);
        assertThat(x.jvm()).isEmpty();
    }

    @Test
    void regexListingAndResultOptionsBelongToPlainJmh() {
        assertThatThrownBy(() -> new JmhExtras(List.of("Scaling"))).hasMessageContaining("drop 'run'");
        assertThatThrownBy(() -> new JmhExtras(List.of("-l"))).hasMessageContaining("without 'run'");
        assertThatThrownBy(() -> new JmhExtras(List.of("-rf", "csv"))).hasMessageContaining("--results");
        assertThatThrownBy(() -> new JmhExtras(List.of("-f", "x"))).hasMessageContaining("bad JMH option");
    }
}
