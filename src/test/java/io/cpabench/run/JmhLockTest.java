package io.cpabench.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH's per-machine lock, checked without taking it (a stand-in lock file, never the real /tmp/jmh.lock). */
class JmhLockTest {
    @TempDir
    Path tmp;

    @Test
    void aHeldLockIsARefusalNamingItsHolder() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/locks")), "holders are read from Linux's /proc/locks");
        Path lock = tmp.resolve("jmh.lock");
        try (FileChannel c = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = c.lock()) {
            assertThatThrownBy(() -> JmhLock.checkFree(lock, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("another JMH run is using this machine (process " + ProcessHandle.current().pid())
                    .hasMessageContaining(lock.toString());
            // -Djmh.ignoreLock=true: the user has said JMH may go on, so may the run
            assertThatCode(() -> JmhLock.checkFree(lock, true)).doesNotThrowAnyException();
        }
        assertThatCode(() -> JmhLock.checkFree(lock, false)).doesNotThrowAnyException();
    }

    @Test
    void noLockFileIsAFreeMachine() {
        assertThatCode(() -> JmhLock.checkFree(tmp.resolve("never-made.lock"), false)).doesNotThrowAnyException();
    }
}
