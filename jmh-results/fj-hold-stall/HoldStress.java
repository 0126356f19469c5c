package io.cpabench.model;
import io.cpabench.workload.*;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
public class HoldStress {
    public static void main(String[] a) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        WorkloadConfig c = new WorkloadConfig(20_000, 64 << 10, 1 << 20, 200, null).withProbe(id -> runs.incrementAndGet());
        int early = 0;
        try (Workbench wb = Workload.CPU.open(c); ModelRunner r = ExecutionModel.FORK_JOIN.open(ModelConfig.of(3), wb)) {
            Task[] tasks = wb.tasks(41);
            for (int i = 0; i < Integer.parseInt(a[0]); i++) {
                r.runBatch(tasks, r.hold());
                Hold h = r.hold();
                int before = runs.get();
                Batch b = new Batch(tasks.length);
                for (Task t : tasks) r.submit(t, b);
                Thread.sleep(5);
                if (runs.get() != before) early++;
                h.open();
                b.await(Duration.ofSeconds(30));
            }
        }
        System.out.println("holds with a task run before open: " + early + " of " + a[0]);
    }
}
