import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.LockSupport;

public class Repro {
    public static void main(String[] a) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);
        int fails = 0;
        for (int round = 0; round < Integer.parseInt(a[0]); round++) {
            Set<Thread> inside = ConcurrentHashMap.newKeySet();
            AtomicBoolean open = new AtomicBoolean();
            for (int i = 0; i < 2; i++) pool.execute(() -> { inside.add(Thread.currentThread()); while (!open.get()) { LockSupport.park(); } });
            long dl = System.nanoTime() + 1_000_000_000L;
            while (inside.size() < 2 && System.nanoTime() < dl) Thread.sleep(0, 50000);
            if (inside.size() < 2) { fails++; System.out.println("round " + round + ": " + inside.size() + " inside; pool " + pool); }
            // batch of CF chains queued behind
            CountDownLatch done = new CountDownLatch(10000);
            for (int i = 0; i < 10000; i++) {
                CompletableFuture.supplyAsync(() -> 1L, pool).thenApplyAsync(x -> x + 1, pool).thenApplyAsync(x -> x * 3, pool).whenComplete((r, e) -> done.countDown());
            }
            open.set(true);
            for (Thread t : inside) LockSupport.unpark(t);
            done.await();
        }
        System.out.println("fails " + fails);
        pool.shutdownNow();
    }
}
