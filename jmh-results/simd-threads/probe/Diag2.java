package io.cpabench.simd;

public class Diag2 {
    public static void main(String[] a) throws Exception {
        SimdKernel k = SimdKernel.valueOf(a[0]);
        int rounds = Integer.parseInt(a[1]);
        try (SimdWork w = SimdWork.open(k, SimdOp.AXPY, 4096, 1)) {
            for (int i = 0; i < 1500; i++) w.run();
            StringBuilder sb = new StringBuilder(a[2] + ":");
            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 300; i++) w.run();
                sb.append(String.format(" %.1f", 300.0 * SimdWork.ELEMENTS / (System.nanoTime() - t0)));
            }
            System.out.println(sb);
        }
    }
}
