import jdk.incubator.vector.*;
import java.util.*;
import java.util.concurrent.*;

/** Throwaway: does a second thread add throughput for register-bound vector FMA vs scalar ALU work? */
public class Probe {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static volatile Object sink;

    // 12 independent 512-bit FMA chains: throughput-bound on the FMA pipes, no memory traffic
    static float vfma12(long n) {
        FloatVector b = FloatVector.broadcast(S, 0.999f), c = FloatVector.broadcast(S, 1e-3f);
        FloatVector a0=b,a1=b,a2=b,a3=b,a4=b,a5=b,a6=b,a7=b,a8=b,a9=b,a10=b,a11=b;
        for (long i = 0; i < n; i++) {
            a0=a0.fma(b,c);a1=a1.fma(b,c);a2=a2.fma(b,c);a3=a3.fma(b,c);a4=a4.fma(b,c);a5=a5.fma(b,c);
            a6=a6.fma(b,c);a7=a7.fma(b,c);a8=a8.fma(b,c);a9=a9.fma(b,c);a10=a10.fma(b,c);a11=a11.fma(b,c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11).reduceLanes(VectorOperators.ADD);
    }
    // one FMA chain: latency-bound (FMA pipes mostly idle)
    static float vfma1(long n) {
        FloatVector b = FloatVector.broadcast(S, 0.999f), c = FloatVector.broadcast(S, 1e-3f), a = b;
        for (long i = 0; i < n; i++) { a = a.fma(b, c); }
        return a.reduceLanes(VectorOperators.ADD);
    }
    // 8 independent integer chains, 2 ALU ops each: throughput-bound on the integer ALUs
    static long alu8(long n) {
        long a0=1,a1=2,a2=3,a3=4,a4=5,a5=6,a6=7,a7=8;
        for (long i = 0; i < n; i++) {
            a0=(a0^(a0>>>7))+i; a1=(a1^(a1>>>7))+i; a2=(a2^(a2>>>7))+i; a3=(a3^(a3>>>7))+i;
            a4=(a4^(a4>>>7))+i; a5=(a5^(a5>>>7))+i; a6=(a6^(a6>>>7))+i; a7=(a7^(a7>>>7))+i;
        }
        return a0+a1+a2+a3+a4+a5+a6+a7;
    }
    // one integer chain: latency-bound
    static long alu1(long n) {
        long a = 1;
        for (long i = 0; i < n; i++) { a = (a ^ (a >>> 7)) + i; }
        return a;
    }
    // the benchmark's in-cache AXPY slice, vectorised (2048 floats each array, private per thread)
    static float vaxpy(long n) {
        float[] x = new float[2048], y = new float[2048];
        Arrays.fill(x, 0.5f); Arrays.fill(y, 0.25f);
        for (long p = 0; p < n; p++) {
            for (int i = 0; i < 2048; i += S.length()) {
                FloatVector.fromArray(S, x, i).mul(1e-3f).add(FloatVector.fromArray(S, y, i)).intoArray(y, i);
            }
        }
        return y[7];
    }
    // same slice, loads only (two loads + FMA per vector): the DOT shape with 4 accumulators
    static float vdot4(long n) {
        float[] x = new float[2048], y = new float[2048];
        Arrays.fill(x, 0.5f); Arrays.fill(y, 0.25f);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0; int L = S.length();
        for (long p = 0; p < n; p++) {
            for (int i = 0; i < 2048; i += 4 * L) {
                a0 = FloatVector.fromArray(S, x, i).fma(FloatVector.fromArray(S, y, i), a0);
                a1 = FloatVector.fromArray(S, x, i + L).fma(FloatVector.fromArray(S, y, i + L), a1);
                a2 = FloatVector.fromArray(S, x, i + 2 * L).fma(FloatVector.fromArray(S, y, i + 2 * L), a2);
                a3 = FloatVector.fromArray(S, x, i + 3 * L).fma(FloatVector.fromArray(S, y, i + 3 * L), a3);
            }
        }
        return a0.add(a1).add(a2).add(a3).reduceLanes(VectorOperators.ADD);
    }

    static Object call(String m, long n) {
        switch (m) {
            case "vfma12": return vfma12(n);
            case "vfma1": return vfma1(n);
            case "alu8": return alu8(n);
            case "alu1": return alu1(n);
            case "vaxpy": return vaxpy(n);
            case "vdot4": return vdot4(n);
        }
        throw new IllegalArgumentException(m);
    }

    static long steal() throws Exception {
        String[] f = new java.util.Scanner(new java.io.File("/proc/stat")).nextLine().trim().split("\\s+");
        return Long.parseLong(f[8]);
    }

    public static void main(String[] args) throws Exception {
        // n per call chosen so one call is ~0.3-0.5 s on one thread
        Map<String, Long> n = new LinkedHashMap<>();
        n.put("vfma12", 60_000_000L); n.put("vfma1", 100_000_000L); n.put("alu8", 150_000_000L);
        n.put("alu1", 300_000_000L); n.put("vaxpy", 3_000_000L); n.put("vdot4", 3_000_000L);
        int rounds = 5;
        System.out.println("species bits " + S.vectorBitSize() + ", java " + System.getProperty("java.version"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (String m : n.keySet()) {
            double[] best = new double[3];
            for (int t : new int[] {1, 2}) {
                double[] rates = new double[rounds];
                for (int r = -2; r < rounds; r++) {   // two warm-up rounds
                    List<Callable<Object>> cs = new ArrayList<>();
                    for (int k = 0; k < t; k++) cs.add(() -> call(m, n.get(m)));
                    long t0 = System.nanoTime();
                    for (Future<Object> f : pool.invokeAll(cs)) sink = f.get();
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (r >= 0) rates[r] = t * n.get(m) / s / 1e6;
                }
                Arrays.sort(rates);
                best[t] = rates[rounds / 2];
                System.out.printf("%-7s threads=%d  median %.1f M iters/s  (min %.1f max %.1f)%n", m, t, rates[rounds / 2], rates[0], rates[rounds - 1]);
            }
            System.out.printf("%-7s 2 threads / 1 thread = %.2fx%n", m, best[2] / best[1]);
        }
        pool.shutdown();
    }
}
