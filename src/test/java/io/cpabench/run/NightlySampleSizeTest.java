package io.cpabench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpabench.stats.SampleSize;
import org.junit.jupiter.api.Test;

/** compare's validation holds at SampleSize.NIGHTLY: every nightly row must run at least that much. */
class NightlySampleSizeTest {
    @Test
    void everyNightlyGroupRunsAtLeastTheValidatedSampleSize() {
        for (ProfileGroup g : Profiles.load("nightly", 16).groups()) {
            assertThat(g.forks()).as(g.name() + " forks").isGreaterThanOrEqualTo(SampleSize.NIGHTLY.forks());
            assertThat(g.measurementIterations()).as(g.name() + " iterations").isGreaterThanOrEqualTo(SampleSize.NIGHTLY.iterations());
        }
    }
}
