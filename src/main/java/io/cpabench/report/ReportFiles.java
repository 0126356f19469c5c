package io.cpabench.report;

import java.io.IOException;
import io.cpabench.results.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes report files so a browser or a CI artifact upload sees the old file or the new one, never half
 * of one. Unlike results (AtomicFiles.writeNew), a report is derived data and is replaced when rebuilt.
 */
final class ReportFiles {
    private ReportFiles() {}

    /** Both texts go to temp files first, so a failure while writing leaves neither target touched. */
    static void replace(Path dir, String htmlName, String html, String mdName, String md) throws IOException {
        Files.createDirectories(dir);
        Path h = temp(dir, htmlName, html);
        try {
            Path m = temp(dir, mdName, md);
            try {
                Files.move(h, dir.resolve(htmlName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.move(m, dir.resolve(mdName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(m);
            }
        } finally {
            Files.deleteIfExists(h);
        }
    }

    private static Path temp(Path dir, String name, String text) throws IOException {
        return AtomicFiles.stage(dir, name, text);
    }
}
