package io.cpabench.run;

import io.cpabench.results.FileLocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * JMH lets one run at a time use a machine: each {@code Runner.run} locks {@code <tmpdir>/jmh.lock}
 * and fails at once when another holds it. Checked before a run's first piece, so a second run is
 * refused in one line instead of failing every piece; the check only looks ({@link FileLocks}), as
 * taking the lock for a moment could fail the other run's next piece.
 */
final class JmhLock {
    private JmhLock() {}

    /** JMH's own lock file, where its {@code Runner} puts it. */
    static Path file() {
        return Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
    }

    /** @throws IllegalArgumentException naming the process holding JMH's lock, unless -Djmh.ignoreLock=true */
    static void checkFree() {
        checkFree(file(), Boolean.getBoolean("jmh.ignoreLock"));
    }

    static void checkFree(Path lock, boolean ignored) {
        if (ignored || !Files.exists(lock)) {
            return;
        }
        Optional<Long> holder = FileLocks.holder(lock);
        if (holder.isPresent()) {
            throw new IllegalArgumentException(refusal(lock, FileLocks.describe(holder.get())));
        }
    }

    static String refusal(Path lock, String holder) {
        return "another JMH run is using this machine (" + holder + " holds " + lock
                + "): JMH runs one at a time; wait for it to end, then start this one";
    }

    /** Whether JMH's error says its lock was taken or could not be made: a failure outside the benchmark. */
    static boolean isLockFailure(String message) {
        return message.contains("JMH lock") || message.contains("Another JMH instance");
    }
}
