import io.cpabench.model.*;
import io.cpabench.workload.*;
public class Stress {
    public static void main(String[] a) throws Exception {
        ExecutionModel m = ExecutionModel.valueOf(a[0]);
        int n = Integer.parseInt(a[1]);
        try (Workbench wb = Workload.NOOP.open(WorkloadConfig.defaults());
             ModelRunner r = m.open(ModelConfig.of(2), wb)) {
            Task[] tasks = wb.tasks(10_000);
            int retried = 0, max = 1;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Hold h = r.hold();
                if (h.attempt() > 1) { retried++; max = Math.max(max, h.attempt()); }
                r.runBatch(tasks, h);
            }
            System.out.printf("%s %d holds: %d retried, most attempts %d, %.1f s%n", m, n, retried, max, (System.nanoTime() - t0) / 1e9);
        }
    }
}
