package io.cpabench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file so readers see either nothing or all of it, never half a JSON array. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Writes {@code text} to a temp file in the target's directory (a rename is only atomic within
     * one file system), then renames it into place. Refuses to replace an existing file.
     */
    public static void writeNew(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path tmp = stage(dir, target.getFileName().toString(), text);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** As {@link #writeNew}, but replacing what is there: for derived files rewritten whole. */
    public static void replace(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = stage(dir, target.getFileName().toString(), text);
        try {
            Files.move(tmp, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes {@code text} to a hidden temp file in {@code dir}, to be renamed onto {@code name}. It is
     * made world-readable like any file a user writes: temp files start private, and a rename keeps
     * that, which would leave results unreadable to a CI uploader or a colleague.
     */
    public static Path stage(Path dir, String name, String text) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }
}
