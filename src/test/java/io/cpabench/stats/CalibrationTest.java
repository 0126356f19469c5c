package io.cpabench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 95% intervals cover the true value 93–97% of the time (4000 seeded replications: the coverage
 * estimate's own standard error is 0.34 points, so the band is ±6 of them).
 *
 * <p>Variance split measured here (JDK 17, 2 cores shared with other builds): see {@link #MEASURED}.
 */
class CalibrationTest {
    static final int REPLICATIONS = 4000;

    /**
     * ScalingBenchmark, workers=2, 5–6 forks × 5 one-second iterations, relative to the row mean:
     * PROVISIONAL
     */
    static final TwoLevelModel MEASURED = new TwoLevelModel(0.03, 0.03);

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 10})
    void meanIntervalCoversTheTrueMean(int forks) {
        SplittableRandom rnd = new SplittableRandom(17 + forks);
        SampleSize size = new SampleSize(forks, 5);
        int covered = 0;
        for (int i = 0; i < REPLICATIONS; i++) {
            if (MeanInterval.of(MEASURED.sample(rnd, 1000, size), 0.95).contains(1000)) {
                covered++;
            }
        }
        double coverage = covered / (double) REPLICATIONS;
        System.out.printf("mean interval coverage at %d forks: %.4f%n", forks, coverage);
        assertThat(coverage).isBetween(0.93, 0.97);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 10})
    void ratioIntervalCoversTheTrueRatio(int forks) {
        SplittableRandom rnd = new SplittableRandom(31 + forks);
        SampleSize size = new SampleSize(forks, 5);
        int covered = 0;
        for (int i = 0; i < REPLICATIONS; i++) {
            ForkSample old = MEASURED.sample(rnd, 1000, size);
            ForkSample neu = MEASURED.sample(rnd, 1050, size);
            if (RatioInterval.of(old, neu, 0.95).contains(1.05)) {
                covered++;
            }
        }
        double coverage = covered / (double) REPLICATIONS;
        System.out.printf("ratio interval coverage at %d forks: %.4f%n", forks, coverage);
        assertThat(coverage).isBetween(0.93, 0.97);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 10})
    void ratioIntervalStaysCalibratedWhenOneSideIsNoisier(int forks) {
        // Another JDK or machine may spread its forks wider: the reason for Welch over pooled t.
        SplittableRandom rnd = new SplittableRandom(53 + forks);
        SampleSize oldSize = new SampleSize(forks, 5);
        SampleSize newSize = new SampleSize(forks + 2, 5);
        TwoLevelModel noisier = new TwoLevelModel(3 * MEASURED.cvBetween(), 3 * MEASURED.cvWithin());
        int covered = 0;
        for (int i = 0; i < REPLICATIONS; i++) {
            if (RatioInterval.of(MEASURED.sample(rnd, 1000, oldSize), noisier.sample(rnd, 950, newSize), 0.95).contains(0.95)) {
                covered++;
            }
        }
        double coverage = covered / (double) REPLICATIONS;
        System.out.printf("ratio interval coverage, unequal spread, at %d/%d forks: %.4f%n", forks, forks + 2, coverage);
        assertThat(coverage).isBetween(0.93, 0.97);
    }
}
