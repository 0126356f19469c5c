package io.cpabench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketIoTest {
    private static final long MS = 1_000_000;

    @AfterEach
    void noThreadOutlivesItsBackend() throws InterruptedException {
        assertThat(liveSocketThreads()).isEmpty();
    }

    /** Names of live threads started by a socket backend, after giving them up to 5 s to end. */
    static List<String> liveSocketThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> live = socketThreads();
        while (!live.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            live = socketThreads();
        }
        return live;
    }

    private static List<String> socketThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("cpabench-socket"))
                .collect(Collectors.toList());
    }

    @Test
    void blockingAwaitEchoesTheTokenAfterTheLatency() throws InterruptedException {
        try (SocketIo io = SocketIo.start()) {
            long start = System.nanoTime();
            assertThat(io.await(30 * MS, 42)).isEqualTo(42);
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(30 * MS);
            assertThat(io.await(0, -7)).isEqualTo(-7); // reuses the pooled connection
        }
    }

    @Test
    void concurrentBlockingCallersEachGetTheirOwnToken() throws Exception {
        int callers = 200;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (SocketIo io = SocketIo.start()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> replies = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                long token = 1_000L + i;
                replies.add(pool.submit(() -> {
                    go.await();
                    return io.await(20 * MS, token);
                }));
            }
            go.countDown();
            for (int i = 0; i < callers; i++) {
                assertThat(replies.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(1_000L + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callersBeyondTheConnectionCapWaitInsteadOfFailing() throws Exception {
        int callers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (SocketIo io = SocketIo.start(2)) {
            List<Future<Long>> replies = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                long token = i;
                replies.add(pool.submit(() -> io.await(5 * MS, token)));
            }
            for (int i = 0; i < callers; i++) {
                assertThat(replies.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nonBlockingStartsAllCompleteWithTheirOwnToken() {
        try (SocketIo io = SocketIo.start()) {
            long start = System.nanoTime();
            CompletableFuture<Long> first = io.start(30 * MS, 0);
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int i = 1; i < 1000; i++) {
                futures.add(io.start(i % 7 * MS, i));
            }
            assertThat(first.orTimeout(30, TimeUnit.SECONDS).join()).isZero();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(30 * MS);
            for (int i = 1; i < 1000; i++) {
                assertThat(futures.get(i - 1).orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(i);
            }
        }
    }

    @Test
    void aTokenAlreadyOutstandingIsRejected() {
        try (SocketIo io = SocketIo.start()) {
            CompletableFuture<Long> first = io.start(200 * MS, 5);
            CompletableFuture<Long> duplicate = io.start(0, 5);
            assertThatThrownBy(() -> duplicate.orTimeout(30, TimeUnit.SECONDS).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class);
            assertThat(first.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(5);
            assertThat(io.start(0, 5).orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(5); // free again
        }
    }

    @Test
    void serverListensOnLoopbackOnly() throws Exception {
        try (SocketIo io = SocketIo.start()) {
            assertThat(io.serverAddress().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(io.serverAddress().getAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void closeFailsPendingWorkEndsItsThreadsAndIsIdempotent() throws Exception {
        SocketIo io = SocketIo.start();
        assertThat(io.await(0, 1)).isEqualTo(1); // a pooled blocking connection exists too
        assertThat(socketThreads()).isNotEmpty();
        CompletableFuture<Long> pending = io.start(60_000 * MS, 2);
        AtomicReference<Throwable> blockedCaller = new AtomicReference<>();
        Thread blocked = new Thread(() -> {
            try {
                io.await(60_000 * MS, 3);
            } catch (Throwable t) {
                blockedCaller.set(t);
            }
        });
        blocked.start();
        Thread.sleep(100); // let it reach the read (if not, it fails on the closed backend: also fine)

        io.close();
        io.close();

        assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        blocked.join(10_000);
        assertThat(blocked.isAlive()).isFalse();
        assertThat(blockedCaller.get()).isInstanceOfAny(UncheckedIOException.class, IllegalStateException.class);
        assertThat(liveSocketThreads()).isEmpty();
        assertThatThrownBy(() -> io.start(0, 4).get(10, TimeUnit.SECONDS))
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> io.await(0, 5)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void interruptDuringBlockingAwaitThrowsAndTheBackendStillWorks() throws Exception {
        try (SocketIo io = SocketIo.start()) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    outcome.set(new AssertionError("returned " + io.await(300 * MS, 9)));
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            caller.start();
            Thread.sleep(50);
            caller.interrupt();
            caller.join(10_000);
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);

            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> io.await(0, 10)).isInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).isFalse();

            assertThat(io.await(10 * MS, 11)).isEqualTo(11);
            assertThat(io.start(10 * MS, 12).orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(12);
        }
    }
}
