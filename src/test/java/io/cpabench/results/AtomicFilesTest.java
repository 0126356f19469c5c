package io.cpabench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheWholeFileAndLeavesNoTempBehind() throws Exception {
        Path target = tmp.resolve("r").resolve("jdk17").resolve("x.json");
        AtomicFiles.writeNew(target, "[ ]\n");
        assertThat(target).hasContent("[ ]");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void refusesToOverwrite() throws Exception {
        Path target = tmp.resolve("x.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.writeNew(target, "new")).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(target).hasContent("old");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(target);
        }
    }
}
