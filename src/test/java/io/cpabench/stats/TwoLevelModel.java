package io.cpabench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated JMH rows: each fork draws its own level (JIT decisions, placement: the fork effect),
 * then each iteration adds independent noise around it. Spreads are relative to the mean.
 */
record TwoLevelModel(double cvBetween, double cvWithin) {

    /** JMH-shaped rawData: {@code forks} lists of {@code iterations} scores around {@code mean}. */
    List<List<Double>> rawData(SplittableRandom rnd, double mean, int forks, int iterations) {
        List<List<Double>> out = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double forkLevel = mean * (1 + cvBetween * gaussian(rnd));
            List<Double> its = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                its.add(forkLevel + mean * cvWithin * gaussian(rnd));
            }
            out.add(its);
        }
        return out;
    }

    ForkSample sample(SplittableRandom rnd, double mean, SampleSize size) {
        return ForkSample.ofRawData(rawData(rnd, mean, size.forks(), size.iterations()), 1);
    }

    // Box–Muller: SplittableRandom has no nextGaussian on JDK 17.
    static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
