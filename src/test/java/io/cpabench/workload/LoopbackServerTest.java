package io.cpabench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class LoopbackServerTest {
    private static final long MS = 1_000_000;

    @Test
    void bindsLoopbackOnlyOnAnEphemeralPort() throws IOException {
        try (LoopbackServer server = LoopbackServer.start()) {
            assertThat(server.address().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(server.address().getPort()).isPositive();
        }
    }

    @Test
    void answersPipelinedRequestsOnOneConnectionAsEachLatencyExpires() throws IOException {
        try (LoopbackServer server = LoopbackServer.start();
                Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            long start = System.nanoTime();
            // Written back to back before any reply: the slow one must not hold up the fast ones.
            out.writeLong(1);
            out.writeLong(1_000 * MS);
            out.writeLong(2);
            out.writeLong(0);
            out.writeLong(3);
            out.writeLong(50 * MS);
            out.flush();
            assertThat(in.readLong()).isEqualTo(2);
            assertThat(in.readLong()).isEqualTo(3);
            assertThat(in.readLong()).isEqualTo(1);
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(1_000 * MS);
        }
    }

    @Test
    void servesManyConnectionsAtOnce() throws IOException {
        try (LoopbackServer server = LoopbackServer.start()) {
            Socket[] sockets = new Socket[100];
            try {
                for (int i = 0; i < sockets.length; i++) {
                    sockets[i] = new Socket(server.address().getAddress(), server.address().getPort());
                    DataOutputStream out = new DataOutputStream(sockets[i].getOutputStream());
                    out.writeLong(i);
                    out.writeLong(20 * MS);
                    out.flush();
                }
                for (int i = 0; i < sockets.length; i++) {
                    assertThat(new DataInputStream(sockets[i].getInputStream()).readLong()).isEqualTo(i);
                }
            } finally {
                for (Socket s : sockets) {
                    if (s != null) {
                        s.close();
                    }
                }
            }
        }
    }

    @Test
    void closeIsIdempotentAndEndsItsThreads() throws Exception {
        LoopbackServer server = LoopbackServer.start();
        server.close();
        server.close();
        assertThat(SocketIoTest.liveSocketThreads()).isEmpty();
    }
}
