package io.cpabench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A parts directory belongs to one process (here: one command's scope) until it is merged or that ends. */
class PartsLockTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path tmp;

    private static Throwable inAnotherCommand(Path dir) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try (PartsLock.Scope s = PartsLock.scope()) {
                PartsDir.open(dir);
                return (Throwable) null;
            } catch (Exception | Error e) {
                return e;
            }
        }).get();
    }

    @Test
    void anOpenRunIsRefusedToASecondOwnerUntilItsScopeEnds() throws Exception {
        Path dir;
        try (PartsLock.Scope s = PartsLock.scope()) {
            dir = PartsDir.create(tmp.resolve("box").resolve("jdk17"), T, "{}").path();
            Throwable refused = inAnotherCommand(dir);
            assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(dir + " is in use by process " + ProcessHandle.current().pid())
                    .hasMessageContaining("run --resume " + dir);
            assertThat(refused.getMessage().lines()).hasSize(1);
            assertThat(PartsDir.held()).extracting(PartsDir::path).contains(dir.toAbsolutePath());
        }
        // the scope ended as a process would: the lock is free, the plan untouched
        assertThat(inAnotherCommand(dir)).isNull();
        assertThat(dir.resolve(PartsDir.PLAN)).hasContent("{}");
        assertThat(dir.resolve(PartsLock.FILE)).hasContent("pid " + ProcessHandle.current().pid());
    }

    @Test
    void aResumeThatLosesTheRaceToTheMergeIsToldTheRunIsFinished() throws Exception {
        try (PartsLock.Scope s = PartsLock.scope()) {
            PartsDir parts = PartsDir.create(tmp.resolve("box").resolve("jdk17"), T, "{}");
            Files.writeString(tmp.resolve("box").resolve("jdk17").resolve("result.json"), "[]");
            parts.remove();
            assertThat(PartsDir.held()).extracting(PartsDir::path).doesNotContain(parts.path().toAbsolutePath());
            assertThatThrownBy(() -> PartsDir.open(parts.path())).hasMessageContaining("not an unfinished run");
        }
    }

    @Test
    void aRunThatWroteNothingLeavesNoEmptyDirectories() throws Exception {
        try (PartsLock.Scope s = PartsLock.scope()) {
            Path root = tmp.resolve("results");
            PartsDir parts = PartsDir.create(root.resolve("box").resolve("jdk17"), T, "{}");
            assertThat(parts.finished()).isZero();
            parts.remove();
            assertThat(root).isEmptyDirectory();
        }
    }

    @Test
    void aFinishedPieceCounts() throws Exception {
        try (PartsLock.Scope s = PartsLock.scope()) {
            PartsDir parts = PartsDir.create(tmp, T, "{}");
            parts.record("001-a", "[]", Optional.of("fork crashed"), Optional.empty());
            parts.record("002-b", "[]", Optional.empty(), Optional.empty());
            assertThat(parts.finished()).isEqualTo(2);
        }
    }

    @Test
    void theLockHoldersPidIsReadFromProcLocks() throws Exception {
        // 2: POSIX  ADVISORY  WRITE 10040 fe:00:2147221 0 EOF is device 0xfe00, inode 2147221
        List<String> procLocks = List.of("1: FLOCK  ADVISORY  WRITE 99 fe:00:2154503 0 EOF",
                "1: -> POSIX  ADVISORY  WRITE 77 fe:00:2147221 0 EOF",
                "2: POSIX  ADVISORY  WRITE 10040 fe:00:2147221 0 EOF");
        assertThat(FileLocks.holder(procLocks, 2147221, 0xfe00)).contains(10040L);
        assertThat(FileLocks.holder(procLocks, 2147221, 0x0801)).isEmpty();
        assertThat(FileLocks.holder(List.of(), 1, 1)).isEmpty();
        if (Files.isReadable(Path.of("/proc/locks"))) {
            try (PartsLock.Scope s = PartsLock.scope()) {
                Path dir = PartsDir.create(tmp, T, "{}").path();
                assertThat(FileLocks.holder(dir.resolve(PartsLock.FILE))).contains(ProcessHandle.current().pid());
            }
        }
        assertThatCode(() -> FileLocks.holder(tmp.resolve("missing"))).doesNotThrowAnyException();
    }
}
