import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.LockSupport;

public class R4 {
    static Set<Thread> inside; static AtomicBoolean open;
    static boolean attempt(ForkJoinPool pool, long waitNanos) throws Exception {
        Set<Thread> in = ConcurrentHashMap.newKeySet(); AtomicBoolean op = new AtomicBoolean();
        inside = in; open = op;
        for (int i = 0; i < 2; i++) pool.execute(() -> { in.add(Thread.currentThread()); while (!op.get()) { LockSupport.park(); } });
        long dl = System.nanoTime() + waitNanos;
        while (in.size() < 2 && System.nanoTime() < dl) Thread.sleep(0, 50000);
        if (in.size() < 2) { op.set(true); for (Thread t : in) LockSupport.unpark(t); return false; }
        return true;
    }
    public static void main(String[] a) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);
        int retries = 0, maxTries = 0;
        for (int round = 0; round < Integer.parseInt(a[0]); round++) {
            int tries = 1;
            while (!attempt(pool, 100_000_000L)) { retries++; tries++; }
            maxTries = Math.max(maxTries, tries);
            CountDownLatch done = new CountDownLatch(10000);
            for (int i = 0; i < 10000; i++) {
                CompletableFuture.supplyAsync(() -> 1L, pool).thenApplyAsync(x -> x + 1, pool).thenApplyAsync(x -> x * 3, pool).whenComplete((r, e) -> done.countDown());
            }
            open.set(true);
            for (Thread t : inside) LockSupport.unpark(t);
            done.await();
        }
        System.out.println("retries " + retries + " maxTries " + maxTries);
        pool.shutdownNow();
    }
}
