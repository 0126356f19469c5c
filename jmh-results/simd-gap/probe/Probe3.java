import jdk.incubator.vector.*;
import java.lang.foreign.*;
import java.nio.ByteOrder;
import java.util.*;
import java.util.concurrent.*;

/** Throwaway: in-L1 AXPY (512-bit lanes) on native memory at a chosen alignment, 1 and 2 threads, no hand-off. */
public class Probe3 {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    static final ByteOrder NO = ByteOrder.nativeOrder();
    static final int N = 2048;   // floats per thread per array: 8 KiB, as SimdWork's 2-worker slice

    static void axpy(MemorySegment x, MemorySegment y, long passes) {
        long bytes = N * 4L;
        for (long p = 0; p < passes; p++) {
            for (long o = 0; o < bytes; o += 64) {
                FloatVector.fromMemorySegment(S, x, o, NO).mul(1e-3f).add(FloatVector.fromMemorySegment(S, y, o, NO))
                        .intoMemorySegment(y, o, NO);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Arena arena = Arena.global();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long passes = 4_000_000;
        for (int misalign : new int[] {0, 16, 4, 0, 16}) {
            double[] med = new double[3];
            for (int t : new int[] {1, 2}) {
                MemorySegment[] xs = new MemorySegment[t], ys = new MemorySegment[t];
                for (int k = 0; k < t; k++) {
                    // each thread its own arrays, 4 KiB apart from anything else, then shifted by misalign bytes
                    xs[k] = arena.allocate(N * 4L + 4096, 4096).asSlice(misalign, N * 4L);
                    ys[k] = arena.allocate(N * 4L + 4096, 4096).asSlice(2048 + misalign, N * 4L);
                    for (int i = 0; i < N; i++) { xs[k].setAtIndex(ValueLayout.JAVA_FLOAT, i, 0.5f); ys[k].setAtIndex(ValueLayout.JAVA_FLOAT, i, 0.25f); }
                }
                double[] rates = new double[5];
                for (int r = -2; r < rates.length; r++) {
                    List<Callable<Object>> cs = new ArrayList<>();
                    for (int k = 0; k < t; k++) { int kk = k; cs.add(() -> { axpy(xs[kk], ys[kk], passes); return null; }); }
                    long t0 = System.nanoTime();
                    for (Future<Object> f : pool.invokeAll(cs)) f.get();
                    double el = (double) t * passes * N / (System.nanoTime() - t0);
                    if (r >= 0) rates[r] = el;
                }
                Arrays.sort(rates);
                med[t] = rates[2];
                System.out.printf("misalign %2d B threads=%d: median %.1f elements/ns (min %.1f max %.1f)%n", misalign, t, rates[2], rates[0], rates[4]);
            }
            System.out.printf("misalign %2d B: 2 threads / 1 = %.2fx%n", misalign, med[2] / med[1]);
        }
        pool.shutdown();
    }
}
