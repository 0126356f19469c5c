package io.cpabench.workload;

import java.util.concurrent.CompletableFuture;

/** PLACEHOLDER: replaced by the loopback-socket backend. */
public final class SocketIo implements IoBackend {
    public static SocketIo start() {
        throw new UnsupportedOperationException("IO_SOCKET not built yet");
    }

    @Override
    public long await(long latencyNanos, long token) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Long> start(long latencyNanos, long token) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
