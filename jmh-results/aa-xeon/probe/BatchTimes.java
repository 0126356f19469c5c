package io.cpabench.bench;

import io.cpabench.model.ExecutionModel;
import io.cpabench.model.Hold;
import io.cpabench.workload.Workload;
import java.lang.management.ManagementFactory;

/** Times every backlog batch of one model and prints the slow ones with the JVM's uptime. */
public class BatchTimes {
    static long[] stat() throws Exception {
        String l = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
        String[] f = l.trim().split("\\s+");
        long[] r = new long[8];
        for (int i = 0; i < 8; i++) r[i] = Long.parseLong(f[i + 1]);
        return r;
    }

    public static void main(String[] a) throws Exception {
        ExecutionModel model = ExecutionModel.valueOf(a[0]);
        int seconds = Integer.parseInt(a[1]);
        Regime regime = Regime.valueOf(a.length > 2 ? a[2] : "BACKLOG");
        Trial trial = new Trial(Workload.NOOP, Trial.MINIMAL, model, Trial.modelConfig(2, 5000), 10_000);
        var rt = ManagementFactory.getRuntimeMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        java.util.List<Long> times = new java.util.ArrayList<>();
        while (System.nanoTime() < end) {
            Hold hold = regime.prepare(trial.runner);
            long c0 = os.getProcessCpuTime(); long[] st0 = stat();
            long t0 = System.nanoTime();
            trial.runner.runBatch(trial.batch, hold);
            long dt = System.nanoTime() - t0;
            long dc = os.getProcessCpuTime() - c0; long[] st1 = stat();
            times.add(dt);
            if (times.size() > 50 && dt > 100_000_000L) System.out.printf("SLOW batch %.1f ms ending at uptime %d ms: process cpu %.1f ms; host ticks user %d sys %d idle %d steal %d%n", dt / 1e6, rt.getUptime(), dc/1e6, st1[0]-st0[0], st1[2]-st0[2], st1[3]-st0[3], st1[7]-st0[7]);
            else if (times.size() % 200 == 0) System.out.printf("normal batch %.1f ms: process cpu %.1f ms; host ticks user %d sys %d idle %d steal %d%n", dt / 1e6, dc/1e6, st1[0]-st0[0], st1[2]-st0[2], st1[3]-st0[3], st1[7]-st0[7]);
        }
        trial.close();
        long[] s = times.stream().mapToLong(Long::longValue).sorted().toArray();
        long med = s[s.length / 2];
        System.out.printf("batches %d median %.2f ms%n", s.length, med / 1e6);
        // print the slow ones in order with their index
        double cum = 0;
        for (int i = 0; i < times.size(); i++) {
            cum += times.get(i) / 1e6;
            if (times.get(i) > 2 * med) System.out.printf("slow #%d at ~%.0f ms of batches: %.1f ms%n", i, cum, times.get(i) / 1e6);
        }
    }
}
