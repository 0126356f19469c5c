package io.cpabench.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The non-blocking side of {@link SocketIo}: one reactor thread multiplexes every outstanding request over
 * a few pipelined connections, as an event-loop HTTP client does, so no caller's thread ever waits on the
 * socket. Replies are matched to their futures by token, which is why a token may be outstanding only once.
 */
final class NioClient implements AutoCloseable {
    /** A couple of connections spread the kernel's socket buffers; one reactor thread serves them all. */
    private static final int CONNECTIONS = 2;

    private record Request(long token, long latencyNanos) {}

    private final Selector selector;
    private final Connection[] connections;
    private final Thread reactor;
    private final ConcurrentLinkedQueue<Request> submitted = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<Long, CompletableFuture<Long>> outstanding = new ConcurrentHashMap<>();
    /** Null while running; then why it stopped, which every outstanding and later future fails with. */
    private volatile Throwable down;
    private int next; // round-robin, reactor thread only

    private NioClient(Selector selector, Connection[] connections, String threadName) {
        this.selector = selector;
        this.connections = connections;
        this.reactor = LoopbackServer.daemon(threadName).newThread(this::run);
    }

    /** Connects to {@code server} and starts the reactor; the sockets live until {@link #close()}. */
    static NioClient open(InetSocketAddress server) throws IOException {
        Selector selector = Selector.open();
        Connection[] connections = new Connection[CONNECTIONS];
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                SocketChannel ch = SocketChannel.open(server); // blocking connect, then non-blocking use
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                connections[i] = new Connection(ch);
                connections[i].key = ch.register(selector, SelectionKey.OP_READ, connections[i]);
            }
        } catch (IOException | RuntimeException e) {
            for (Connection c : connections) {
                if (c != null) {
                    c.channel.close();
                }
            }
            selector.close();
            throw e;
        }
        NioClient client = new NioClient(selector, connections, "cpabench-socket-client-" + server.getPort());
        client.reactor.start();
        return client;
    }

    /** Thread-safe: queues the request for the reactor; the future completes on the reactor thread. */
    CompletableFuture<Long> start(long latencyNanos, long token) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        if (outstanding.putIfAbsent(token, f) != null) {
            f.completeExceptionally(new IllegalStateException("token already outstanding: " + token));
            return f;
        }
        submitted.add(new Request(token, latencyNanos));
        // Checked after publishing the future: either close() sees it in the map or we see close().
        Throwable why = down;
        if (why != null) {
            outstanding.remove(token, f);
            f.completeExceptionally(why);
            return f;
        }
        selector.wakeup();
        return f;
    }

    private void run() {
        Throwable why = null;
        try {
            while (down == null) {
                selector.select(this::handle);
                for (Request r; (r = submitted.poll()) != null; ) {
                    Connection c = connections[next];
                    next = (next + 1) % connections.length;
                    c.backlog.add(r);
                }
                for (Connection c : connections) {
                    c.flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            why = e;
        } finally {
            for (Connection c : connections) {
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // shutting down anyway
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // shutting down anyway
            }
            if (why != null) {
                stop(why);
            }
        }
    }

    private void handle(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        try {
            if (key.isReadable()) {
                c.read(this);
            }
            if (key.isValid() && key.isWritable()) {
                c.flush();
            }
        } catch (IOException e) {
            // The lambda of select(Consumer) cannot throw IOException; run() handles both alike.
            throw new UncheckedIOException(e);
        }
    }

    private void complete(long token) {
        CompletableFuture<Long> f = outstanding.remove(token);
        if (f == null) {
            throw new IllegalStateException("reply for a token nobody is waiting for: " + token);
        }
        f.complete(token); // dependents run here unless the caller chose an executor
    }

    /** Records why the client is down (first cause wins) and fails every outstanding future with it. */
    private void stop(Throwable why) {
        synchronized (this) {
            if (down == null) {
                down = why;
            }
        }
        selector.wakeup();
        Throwable cause = down;
        outstanding.forEach((token, f) -> {
            if (outstanding.remove(token, f)) {
                f.completeExceptionally(cause);
            }
        });
    }

    /** Stops the reactor, closes its sockets, and fails the futures still waiting; idempotent. */
    @Override
    public void close() {
        stop(new CancellationException("SocketIo closed"));
        if (Thread.currentThread() != reactor) {
            try {
                reactor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stop(down); // any future published while the reactor was stopping
    }

    /** One pipelined connection; all its state belongs to the reactor thread. */
    private static final class Connection {
        private final SocketChannel channel;
        private SelectionKey key;
        private final ArrayDeque<Request> backlog = new ArrayDeque<>();
        /** Always in read mode: the bytes between position and limit are still to be written. */
        private final ByteBuffer out = ByteBuffer.allocate(LoopbackServer.REQUEST_BYTES * 256).flip();
        private final ByteBuffer in = ByteBuffer.allocate(LoopbackServer.REPLY_BYTES * 256);

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void flush() throws IOException {
            while (true) {
                if (!out.hasRemaining()) {
                    out.clear();
                    for (Request r; out.remaining() >= LoopbackServer.REQUEST_BYTES && (r = backlog.poll()) != null; ) {
                        out.putLong(r.token()).putLong(r.latencyNanos());
                    }
                    out.flip();
                    if (!out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                        return;
                    }
                }
                channel.write(out);
                if (out.hasRemaining()) {
                    // The socket buffer is full: continue when the kernel says it is writable again.
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
            }
        }

        void read(NioClient client) throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("server closed the connection");
            }
            in.flip();
            while (in.remaining() >= LoopbackServer.REPLY_BYTES) {
                client.complete(in.getLong());
            }
            in.compact();
        }
    }
}
