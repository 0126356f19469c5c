package io.cpabench.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The far end of the {@code IO_SOCKET} workload: an in-process TCP server on 127.0.0.1 that answers each
 * 16-byte request {@code (long token, long latencyNanos)} with the 8-byte token once the latency has passed.
 *
 * <p>It is one NIO selector thread plus one timer thread, whatever the number of connections, so the
 * server itself stays a small, fixed cost next to the execution model being measured. Latency is a timer,
 * not a sleep per connection: a connection may carry many pipelined requests, each answered as its own
 * latency expires, possibly out of order. Only the selector thread writes to a socket, so replies on one
 * connection never interleave.
 */
public final class LoopbackServer implements AutoCloseable {
    /** Request and reply sizes of the wire protocol (big-endian longs). */
    static final int REQUEST_BYTES = 16;
    static final int REPLY_BYTES = 8;

    private final ServerSocketChannel acceptor;
    private final Selector selector;
    private final ScheduledThreadPoolExecutor timer;
    private final Thread loop;
    /** Connections with replies waiting to be written, handed from the timer to the selector thread. */
    private final ConcurrentLinkedQueue<Connection> ready = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoopbackServer(ServerSocketChannel acceptor, Selector selector) {
        this.acceptor = acceptor;
        this.selector = selector;
        int port = address().getPort();
        this.timer = new ScheduledThreadPoolExecutor(1, daemon("cpabench-socket-timer-" + port));
        this.loop = daemon("cpabench-socket-server-" + port).newThread(this::run);
    }

    /** Binds an ephemeral port on 127.0.0.1 (never a routable address) and starts serving. */
    public static LoopbackServer start() throws IOException {
        ServerSocketChannel acceptor = ServerSocketChannel.open();
        Selector selector = null;
        try {
            // A deep backlog: thousands of virtual threads may connect at the same instant.
            acceptor.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4096);
            acceptor.configureBlocking(false);
            selector = Selector.open();
            acceptor.register(selector, SelectionKey.OP_ACCEPT);
            LoopbackServer server = new LoopbackServer(acceptor, selector);
            server.loop.start();
            return server;
        } catch (IOException | RuntimeException e) {
            acceptor.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    /** The bound address: 127.0.0.1 and the ephemeral port. */
    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) acceptor.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        try {
            while (!closed.get()) {
                selector.select(this::handle);
                for (Connection c; (c = ready.poll()) != null; ) {
                    c.queued.set(false); // before flushing, so a reply added meanwhile queues it again
                    try {
                        c.flush();
                    } catch (IOException e) {
                        closeQuietly(c.key);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // Also on a crash: clients then see their sockets close instead of waiting forever.
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key);
            }
            try {
                selector.close();
                acceptor.close();
            } catch (IOException ignored) {
                // shutting down anyway
            }
        }
    }

    private void handle(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept();
                return;
            }
            Connection c = (Connection) key.attachment();
            if (key.isReadable()) {
                c.read();
            }
            if (key.isValid() && key.isWritable()) {
                c.flush();
            }
        } catch (IOException e) {
            // One client went away (closed, interrupted, reset): drop its connection, serve the rest.
            closeQuietly(key);
        }
    }

    private void accept() throws IOException {
        for (SocketChannel ch; (ch = acceptor.accept()) != null; ) {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey key = ch.register(selector, SelectionKey.OP_READ);
            key.attach(new Connection(ch, key));
        }
    }

    /** Stops the selector and timer threads and closes every socket; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timer.shutdownNow();
        selector.wakeup();
        boolean interrupted = false;
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            if (Thread.currentThread() != loop) {
                loop.join(5_000);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // nothing left to do with a broken socket
        }
    }

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One accepted client. Buffers are touched by the selector thread only; {@code replies} by both. */
    private final class Connection {
        private final SocketChannel channel;
        private final SelectionKey key;
        private final ByteBuffer in = ByteBuffer.allocate(REQUEST_BYTES * 64);
        /** Always in read mode: the bytes between position and limit are still to be written. */
        private final ByteBuffer out = ByteBuffer.allocate(REPLY_BYTES * 64).flip();
        private final ConcurrentLinkedQueue<Long> replies = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean queued = new AtomicBoolean();

        Connection(SocketChannel channel, SelectionKey key) {
            this.channel = channel;
            this.key = key;
        }

        void read() throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("client closed the connection");
            }
            in.flip();
            while (in.remaining() >= REQUEST_BYTES) {
                long token = in.getLong();
                long latencyNanos = in.getLong();
                timer.schedule(() -> reply(token), Math.max(0, latencyNanos), TimeUnit.NANOSECONDS);
            }
            in.compact();
        }

        /** Timer thread: hand the token to the selector thread, which alone writes to the socket. */
        private void reply(long token) {
            replies.add(token);
            if (queued.compareAndSet(false, true)) {
                ready.add(this);
                selector.wakeup();
            }
        }

        void flush() throws IOException {
            if (!key.isValid()) {
                return; // closed meanwhile; its late replies have no reader
            }
            while (true) {
                if (!out.hasRemaining()) {
                    out.clear();
                    for (Long t; out.remaining() >= REPLY_BYTES && (t = replies.poll()) != null; ) {
                        out.putLong(t);
                    }
                    out.flip();
                    if (!out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                        return;
                    }
                }
                channel.write(out);
                if (out.hasRemaining()) {
                    // The socket buffer is full: finish when the kernel says it is writable again.
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
            }
        }
    }
}
