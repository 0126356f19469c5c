package io.cpabench.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Checks that a directory the user named for output (run's --results, report's --out) can be written
 * before anything is: a file in its place, a directory without write permission or a path no one can
 * create (under /proc) is one line and exit 2, not a stack trace half-way through. The check makes
 * what is missing and writes a probe file, then removes both, since only trying tells for sure (root
 * passes every permission check, and /proc refuses even root).
 */
public final class OutputDir {
    private OutputDir() {}

    /** @throws IllegalArgumentException naming the option, the path and what is wrong */
    public static void check(Path dir, String what) {
        Path abs = dir.toAbsolutePath().normalize();
        Deque<Path> created = new ArrayDeque<>();
        try {
            Path existing = abs;
            Deque<Path> missing = new ArrayDeque<>();
            while (existing != null && !Files.exists(existing)) {
                missing.push(existing);
                existing = existing.getParent();
            }
            if (existing != null && !Files.isDirectory(existing)) {
                throw bad(dir, what, (existing.equals(abs) ? "it" : existing.toString()) + " is a file, not a directory");
            }
            for (Path p : missing) {
                Files.createDirectory(p);
                created.push(p);
            }
            Files.delete(Files.createTempFile(abs, ".cpabench-probe", ".tmp"));
        } catch (IOException e) {
            throw bad(dir, what, reason(e));
        } finally {
            // a dry run, and a run refused later, leave the file system as they found it
            created.forEach(p -> p.toFile().delete());
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return "no directory can be made there";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static IllegalArgumentException bad(Path dir, String what, String why) {
        return new IllegalArgumentException("cannot write " + what + " " + dir + ": " + why + "; valid: a directory you can write in");
    }
}
