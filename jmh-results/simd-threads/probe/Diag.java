package io.cpabench.simd;

import java.util.Arrays;

public class Diag {
    public static void main(String[] a) throws Exception {
        SimdKernel k = SimdKernel.valueOf(a[0]);
        int size = Integer.parseInt(a[1]);
        for (int workers : new int[] {1, 2, 1, 2}) {
            try (SimdWork w = SimdWork.open(k, SimdOp.AXPY, size, workers)) {
                for (int i = 0; i < 200; i++) w.run();
                double[] r = new double[8];
                int[] shares = null;
                long[] sum = new long[workers];
                for (int round = 0; round < r.length; round++) {
                    long t0 = System.nanoTime();
                    int ops = 40;
                    for (int i = 0; i < ops; i++) {
                        w.run();
                        int[] s = w.lastShares();
                        for (int j = 0; j < workers; j++) sum[j] += s[j];
                    }
                    r[round] = (double) ops * SimdWork.ELEMENTS / (System.nanoTime() - t0);
                }
                System.out.printf("%s size %d workers %d: el/ns %s; mean shares %s%n", k, size, workers,
                        Arrays.toString(Arrays.stream(r).map(x -> Math.round(x * 10) / 10.0).toArray()),
                        Arrays.toString(Arrays.stream(sum).map(x -> x / (r.length * 40L)).toArray()));
            }
        }
    }
}
