package io.cpabench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process at a time works on a parts directory: an OS lock on its {@code owner.lock}, held from
 * when the directory is made or opened for a resume until its results are merged (or the process
 * ends, when the OS drops it, so a kill -9 leaves nothing to clean up). Two resumes of one run would
 * otherwise both run its missing pieces and the second to file a piece would find it already there.
 * The file also holds the owner's pid, for systems without {@code /proc/locks}.
 */
public final class PartsLock {
    static final String FILE = "owner.lock";

    private record Held(FileChannel channel, FileLock lock, Thread thread) {}

    // A JVM cannot take its own lock twice (OverlappingFileLockException), so it keeps what it holds.
    private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();

    private PartsLock() {}

    /**
     * Takes the lock of {@code dir} for this process.
     *
     * @throws IllegalArgumentException naming the process that holds it
     * @throws NoSuchFileException when the directory is gone (a resume finished it meanwhile)
     */
    public static void acquire(Path dir) throws IOException {
        Path key = key(dir);
        Path file = key.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(file);
            channel.close();
            throw new IllegalArgumentException(dir + " is in use by " + holder + ": one process at a time runs a run's pieces;"
                    + " wait for it to end, or stop it and run --resume " + dir + " again");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8)), 0);
        HELD.put(key, new Held(channel, lock, Thread.currentThread()));
    }

    /** The directories this process holds, in no particular order. */
    public static List<Path> held() {
        return List.copyOf(HELD.keySet());
    }

    /** Lets go of {@code dir}'s lock, if this process holds it. */
    public static void release(Path dir) {
        Held h = HELD.remove(key(dir));
        if (h != null) {
            try {
                h.channel().close();
            } catch (IOException e) {
                // closing drops the lock whatever it reports
            }
        }
    }

    /**
     * The locks the calling thread takes from now until {@link AutoCloseable#close}, released then:
     * one CLI command's, as if its process had ended, so a test running commands in one JVM (or a
     * command that failed half-way) leaves no lock behind. Nested scopes release only their own.
     */
    public static Scope scope() {
        Set<Path> before = Set.copyOf(HELD.keySet());
        Thread self = Thread.currentThread();
        return () -> HELD.entrySet().stream()
                .filter(e -> e.getValue().thread() == self && !before.contains(e.getKey()))
                .map(Map.Entry::getKey).toList()
                .forEach(PartsLock::release);
    }

    /** A scope whose close throws nothing. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static String holder(Path file) {
        Optional<Long> pid = FileLocks.holder(file);
        if (pid.isEmpty()) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                pid = text.matches("pid \\d+") ? Optional.of(Long.parseLong(text.substring(4))) : Optional.empty();
            } catch (IOException | UncheckedIOException e) {
                pid = Optional.empty();
            }
        }
        return pid.map(FileLocks::describe).orElse("another process");
    }

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }
}
