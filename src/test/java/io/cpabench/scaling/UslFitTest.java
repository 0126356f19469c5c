package io.cpabench.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UslFitTest {
    static final int[] N = {1, 2, 4, 8, 16, 32, 64};

    static double[] curve(double sigma, double kappa, int[] n) {
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            x[i] = new UslFit(sigma, kappa, 1000).predict(n[i]);
        }
        return x;
    }

    @Test
    void recoversKnownSigmaAndKappaFromExactCurves() {
        double[][] known = {{0, 0}, {0.3, 0}, {0.05, 0.02}, {0.02, 0.0005}, {0.1, 0.001}, {1, 0}, {0.95, 0.01}};
        for (double[] k : known) {
            UslFit f = UslFit.fit(N, curve(k[0], k[1], N));
            assertThat(f.sigma()).as("σ of %s", (Object) k).isCloseTo(k[0], within(1e-9));
            assertThat(f.kappa()).as("κ of %s", (Object) k).isCloseTo(k[1], within(1e-9));
            assertThat(f.lambda()).isEqualTo(1000);
        }
    }

    @Test
    void recoversThemThroughThreePercentNoise() {
        // Seeded, so the test is deterministic; 3% is about what a quick run's error bars are here.
        Random random = new Random(42);
        int[] n = {1, 2, 4, 8, 16, 32};
        for (int trial = 0; trial < 200; trial++) {
            double sigma = 0.02 + 0.3 * random.nextDouble();
            double kappa = 0.002 * random.nextDouble();
            double[] x = curve(sigma, kappa, n);
            for (int i = 0; i < x.length; i++) {
                x[i] *= 1 + 0.03 * (2 * random.nextDouble() - 1);
            }
            UslFit f = UslFit.fit(n, x);
            assertThat(f.sigma()).as("σ=%f κ=%f", sigma, kappa).isCloseTo(sigma, within(0.05));
            assertThat(f.kappa()).as("σ=%f κ=%f", sigma, kappa).isCloseTo(kappa, within(0.001));
        }
    }

    @Test
    void peakIsWhereThroughputIsHighest() {
        UslFit f = new UslFit(0.05, 0.02, 1);
        assertThat(f.peak()).isCloseTo(Math.sqrt(0.95 / 0.02), within(1e-12));
        double best = 0;
        int argmax = 0;
        for (int n = 1; n <= 64; n++) {
            if (f.predict(n) > best) {
                best = f.predict(n);
                argmax = n;
            }
        }
        assertThat(argmax).isEqualTo((int) Math.round(f.peak()));
        assertThat(new UslFit(0.3, 0, 1).peak()).isInfinite();
        assertThat(new UslFit(0.3, 0, 1).ceiling()).isCloseTo(1 / 0.3, within(1e-12));
    }

    @Test
    void flatCurveIsSerial() {
        UslFit f = UslFit.fit(new int[] {1, 2, 4}, new double[] {100, 100, 100});
        assertThat(f.sigma()).isEqualTo(1);
        assertThat(f.kappa()).isZero();
    }

    @Test
    void perfectlyLinearCurveHasNeither() {
        UslFit f = UslFit.fit(new int[] {1, 2, 4, 8}, new double[] {100, 200, 400, 800});
        assertThat(f.sigma()).isZero();
        assertThat(f.kappa()).isZero();
    }

    @Test
    void superlinearCurveIsClampedToLinear() {
        // bigger caches at more workers can do this; the USL has no term for it, so σ = κ = 0 is the fit
        UslFit f = UslFit.fit(new int[] {1, 2, 4}, new double[] {100, 230, 500});
        assertThat(f.sigma()).isZero();
        assertThat(f.kappa()).isZero();
    }

    @Test
    void retrogradeFromTheStartIsSerialPlusCoherency() {
        // GIL threads on CPU work: each added thread makes everything slower
        UslFit f = UslFit.fit(new int[] {1, 2, 4, 8}, new double[] {100, 90, 80, 60});
        assertThat(f.sigma()).isGreaterThanOrEqualTo(UslReading.SERIAL);
        assertThat(f.kappa()).isGreaterThan(0.01);
        assertThat(UslReading.of(UslReadingTest.series("CPU", new int[] {1, 2, 4, 8}, new double[] {100, 90, 80, 60}), false))
                .contains("serialised").contains("each one costs");
    }

    @Test
    void needsOneWorkerAndThreeCounts() {
        assertThatThrownBy(() -> UslFit.fit(new int[] {2, 4, 8}, new double[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UslFit.fit(new int[] {1, 2}, new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
    }
}
