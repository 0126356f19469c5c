import java.util.concurrent.atomic.AtomicLong;
public class PingPong {
    static final AtomicLong ball = new AtomicLong();
    public static void main(String[] a) throws Exception {
        int secs = Integer.parseInt(a[0]);
        Thread other = new Thread(() -> { long v = 1; while (v < Long.MAX_VALUE - 2) { while (ball.get() != v) { if (ball.get() < 0) return; Thread.onSpinWait(); } ball.set(v + 1); v += 2; } });
        other.setDaemon(true); other.start();
        StringBuilder sb = new StringBuilder();
        long v = 0;
        for (int s = 0; s < secs; s++) {
            long t0 = System.nanoTime(), n = 0;
            while (System.nanoTime() - t0 < 1_000_000_000L) {
                for (int i = 0; i < 10_000; i++) { ball.set(v + 1); while (ball.get() != v + 2) Thread.onSpinWait(); v += 2; }
                n += 10_000;
            }
            sb.append(String.format("%.0f ", (System.nanoTime() - t0) / (double) n));
        }
        ball.set(-1);
        System.out.println("round trip ns per second: " + sb);
    }
}
