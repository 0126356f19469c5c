import jdk.incubator.vector.*;
import java.util.*;
import java.util.concurrent.*;

/** Throwaway: SimdWork's operation shape (one shared array, slices 32 floats apart, a pool handoff per op). */
public class Probe2 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static volatile Object sink;
    static final int SIZE = 4096, GAP = 32;
    static final float[] x = new float[SIZE + GAP], y = new float[SIZE + GAP];

    static void axpy(int from, int to, int passes) {
        for (int p = 0; p < passes; p++) {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
                FloatVector.fromArray(S, x, i).mul(1e-3f).add(FloatVector.fromArray(S, y, i)).intoArray(y, i);
            }
            for (; i < to; i++) y[i] = 1e-3f * x[i] + y[i];
        }
    }

    public static void main(String[] args) throws Exception {
        Arrays.fill(x, 0.5f); Arrays.fill(y, 0.25f);
        ExecutorService helper = Executors.newFixedThreadPool(1, r -> { Thread t = new Thread(r); t.setDaemon(true); return t; });
        // round trip of an empty task to a parked pool thread
        for (int r = 0; r < 3; r++) {
            long[] lat = new long[2000];
            for (int k = 0; k < lat.length; k++) {
                Thread.sleep(0, 200_000);
                long t0 = System.nanoTime();
                helper.submit(() -> 1).get();
                lat[k] = System.nanoTime() - t0;
            }
            Arrays.sort(lat);
            System.out.printf("empty handoff round trip: p50 %.1f us, p90 %.1f us, p99 %.1f us%n", lat[1000] / 1e3, lat[1800] / 1e3, lat[1980] / 1e3);
        }
        for (int elements : new int[] {1 << 24, 1 << 26}) {
            int passes = elements / SIZE;
            double[] med = new double[3];
            for (int workers : new int[] {1, 2}) {
                double[] rates = new double[7];
                for (int r = -3; r < rates.length; r++) {
                    long ops = 0, t0 = System.nanoTime(), end = t0 + 500_000_000L;
                    while (System.nanoTime() < end) {
                        if (workers == 1) {
                            axpy(0, SIZE, passes);
                        } else {
                            Future<?> f = helper.submit(() -> axpy(SIZE / 2 + GAP, SIZE + GAP, passes));
                            axpy(0, SIZE / 2, passes);
                            f.get();
                        }
                        ops++;
                    }
                    double el = (double) ops * elements / (System.nanoTime() - t0);
                    if (r >= 0) rates[r] = el;
                }
                Arrays.sort(rates);
                med[workers] = rates[3];
                System.out.printf("elements/op 2^%d workers=%d: median %.1f elements/ns (min %.1f max %.1f)%n",
                        Integer.numberOfTrailingZeros(elements), workers, rates[3], rates[0], rates[6]);
            }
            System.out.printf("elements/op 2^%d: 2 workers / 1 = %.2fx%n", Integer.numberOfTrailingZeros(elements), med[2] / med[1]);
        }
        sink = y[3];
    }
}
