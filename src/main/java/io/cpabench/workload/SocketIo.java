package io.cpabench.workload;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * I/O as a real request/response over loopback TCP to an in-process {@link LoopbackServer} that answers
 * after the latency, so an I/O step goes through the kernel's network stack instead of a timer.
 *
 * <p>Blocking ({@link #await}): one pooled {@link java.net.Socket} per caller in flight, used through its
 * plain streams, so a platform thread blocks in {@code read} and a virtual thread (JDK 21+) unmounts, as
 * with a JDBC driver or a blocking HTTP client. The pool grows on demand up to a cap derived from the
 * process's file-descriptor limit (each connection costs two descriptors, client and server end); callers
 * beyond it wait for a free connection rather than fail with "too many open files".
 *
 * <p>Non-blocking ({@link #start(long, long)}): an {@link NioClient} reactor multiplexes all requests over
 * a couple of pipelined connections; futures complete on its thread.
 *
 * <p>Threads, all daemons named {@code cpabench-socket-*}: the server's selector and timer, and the client
 * reactor. Everything is opened by {@link #start()} at trial setup and released by {@link #close()}.
 */
public final class SocketIo implements IoBackend {
    private final LoopbackServer server;
    private final NioClient client;
    private final InetSocketAddress address;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Socket> idle = new ConcurrentLinkedQueue<>();
    /** Every blocking socket, idle or in use, so {@link #close()} can close even those mid-read. */
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SocketIo(LoopbackServer server, NioClient client, int maxConnections) {
        this.server = server;
        this.client = client;
        this.address = server.address();
        this.permits = new Semaphore(maxConnections);
    }

    /** Starts the loopback server and the non-blocking client; blocking connections open on demand. */
    public static SocketIo start() {
        return start(defaultMaxConnections());
    }

    static SocketIo start(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
        }
        try {
            LoopbackServer server = LoopbackServer.start();
            try {
                return new SocketIo(server, NioClient.open(server.address()), maxConnections);
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback server", e);
        }
    }

    /** A quarter of the descriptor limit (half of it then goes to sockets), within sane bounds. */
    static int defaultMaxConnections() {
        long fds = 4096;
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            fds = unix.getMaxFileDescriptorCount();
        }
        return (int) Math.max(16, Math.min(16_384, fds / 4));
    }

    InetSocketAddress serverAddress() {
        return address;
    }

    @Override
    public long await(long latencyNanos, long token) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        permits.acquire();
        Socket socket = null;
        boolean reusable = false;
        try {
            socket = take();
            byte[] buf = new byte[LoopbackServer.REQUEST_BYTES];
            ByteBuffer.wrap(buf).putLong(token).putLong(latencyNanos);
            socket.getOutputStream().write(buf);
            InputStream in = socket.getInputStream();
            if (in.readNBytes(buf, 0, LoopbackServer.REPLY_BYTES) < LoopbackServer.REPLY_BYTES) {
                throw new EOFException("the loopback server closed the connection");
            }
            // An interrupt seen only now still wins: the caller asked to stop, the reply is dropped.
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long echoed = ByteBuffer.wrap(buf).getLong();
            if (echoed != token) {
                throw new IllegalStateException("sent token " + token + ", got " + echoed);
            }
            reusable = true;
            return echoed;
        } catch (IOException e) {
            // On JDK 21+ interrupting a virtual thread in a socket read closes the socket: report the interrupt.
            if (Thread.interrupted()) {
                InterruptedException ie = new InterruptedException("interrupted during socket I/O");
                ie.initCause(e);
                throw ie;
            }
            throw new UncheckedIOException(e);
        } finally {
            if (socket != null) {
                giveBack(socket, reusable);
            }
            permits.release();
        }
    }

    private Socket take() throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("SocketIo closed");
        }
        Socket socket = idle.poll();
        if (socket != null) {
            return socket;
        }
        socket = new Socket();
        open.add(socket);
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address);
        } catch (IOException | RuntimeException e) {
            discard(socket);
            throw e;
        }
        if (closed.get()) { // close() may have swept the set before this socket joined it
            discard(socket);
            throw new IllegalStateException("SocketIo closed");
        }
        return socket;
    }

    /**
     * A connection is pooled only after a clean exchange; after an error or interrupt its stream may hold
     * a stale reply, so it is closed.
     */
    private void giveBack(Socket socket, boolean reusable) {
        if (reusable && !closed.get()) {
            idle.add(socket);
        } else {
            discard(socket);
        }
    }

    private void discard(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do with a broken socket
        }
    }

    @Override
    public CompletableFuture<Long> start(long latencyNanos, long token) {
        return client.start(latencyNanos, token);
    }

    /**
     * Fails pending futures, closes every socket (callers blocked in a read get an exception), and stops
     * the reactor, selector and timer threads, waiting for them to end; idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Wake callers queued for a connection, so they fail on the closed check instead of hanging.
        permits.release(Integer.MAX_VALUE / 2);
        client.close();
        for (Socket socket : open) {
            discard(socket);
        }
        idle.clear();
        server.close();
    }
}
