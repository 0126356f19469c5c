package io.cpabench.model;

import io.cpabench.gil.Gil;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One thread running callbacks one at a time, in arrival order: asyncio's loop, one of Netty's.
 * Under a GIL it behaves as CPython's loop does: it holds the lock while callbacks are ready, checks
 * the eval breaker between them, and releases it only when idle (asyncio's {@code select()}).
 */
final class EventLoop implements Executor, AutoCloseable {
    private final LinkedBlockingQueue<Runnable> ready = new LinkedBlockingQueue<>();
    private final Gil gil;
    private final Thread thread;
    private volatile boolean open = true;

    EventLoop(String name, Gil gil) {
        this.gil = gil;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void execute(Runnable callback) {
        if (!open) {
            throw new RejectedExecutionException("event loop closed");
        }
        ready.add(callback);
    }

    private void loop() {
        boolean holding = false;
        try {
            while (open) {
                Runnable r = ready.poll();
                if (r == null) {
                    if (holding) {
                        gil.release();
                        holding = false;
                    }
                    r = ready.take();
                }
                if (gil != null) {
                    if (holding) {
                        gil.poll();
                    } else {
                        gil.acquire();
                        holding = true;
                    }
                }
                r.run(); // callbacks report their own failures; the loop must survive them
            }
        } catch (InterruptedException e) {
            // close() asked the loop to stop
        } finally {
            if (holding) {
                gil.release();
            }
        }
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("event loop " + thread.getName() + " did not stop within 10 s");
        }
    }
}
