package io.cpabench.model;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Threads still alive by name prefix: a pool that was closed must have none left. */
final class LiveThreads {
    private LiveThreads() {}

    static List<String> named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix))
                .sorted()
                .collect(Collectors.toList());
    }

    /** Threads may take a moment to die after their pool terminated; wait that moment, no longer. */
    static List<String> awaitNone(String prefix, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> alive = named(prefix);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            alive = named(prefix);
        }
        return alive;
    }
}
