package io.cpabench.model;

import io.cpabench.gil.Gil;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of Python-style threads under one GIL: every task runs with the GIL held, a worker keeps
 * it while there is queued work ({@link GilWorkQueue}) and lets go of it as its thread ends, which
 * {@link Threads#stop} waits for, so a closed model never leaves the GIL held by a dying worker.
 */
final class GilPool extends ThreadPoolExecutor {

    GilPool(int n, String role, Gil gil) {
        super(n, n, 0, TimeUnit.SECONDS, new GilWorkQueue(gil), Threads.named(role, life -> () -> {
            try {
                life.run();
            } finally {
                // a worker stopped (or killed by a task's error) between two tasks still holds the GIL
                if (gil.isHeldByCurrentThread()) {
                    gil.release();
                }
            }
        }));
        prestartAllCoreThreads();
    }
}
