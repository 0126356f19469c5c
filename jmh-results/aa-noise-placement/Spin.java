public class Spin {
    public static void main(String[] a) {
        int secs = Integer.parseInt(a[0]);
        long x = 1;
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < secs; s++) {
            long t0 = System.nanoTime(), n = 0;
            while (System.nanoTime() - t0 < 1_000_000_000L) {
                for (int i = 0; i < 100_000; i++) { x = x * 6364136223846793005L + 1442695040888963407L; }
                n += 100_000;
            }
            sb.append(String.format("%.0f ", n / 1e6));
        }
        System.out.println(sb + " (" + x % 7 + ")");
    }
}
