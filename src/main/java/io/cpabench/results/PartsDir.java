package io.cpabench.results;

import io.cpabench.machine.MachineLoad;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run in progress on disk: {@code <results>/<runner>/jdk<major>/<stamp>.parts/} holding
 * {@code plan.json} (written before the first fork) and, per finished piece, {@code <id>.json}
 * (JMH's JSON for that piece) preceded by {@code <id>.error} when the piece failed and by
 * {@code <id>.load} (its {@link MachineLoad}) when the machine's load could be read. Every file is
 * written atomically and a piece's {@code .json} is written last, so it is the mark of a finished
 * piece: whatever a kill -9 leaves behind is either a finished piece or something safe to redo.
 */
public final class PartsDir {
    public static final String SUFFIX = ".parts";
    public static final String PLAN = "plan.json";
    /** The forks a run added to rows short of their precision, in the order it decided: see {@code ExtraForks}. */
    public static final String GROWTH = "growth.json";

    private final Path dir;

    private PartsDir(Path dir) {
        this.dir = dir;
    }

    /** A new parts directory beside where the result file will go, with the plan already in it. */
    public static PartsDir create(Path resultDir, Instant start, String planJson) throws IOException {
        return createSiblings(List.of(resultDir), start, List.of(planJson)).get(0);
    }

    /**
     * One new parts directory per JDK configuration of a run, each with its plan, all under one name, so
     * a resume given any of them finds the others ({@code <stamp>.parts}, or {@code <stamp>-n.parts}
     * when a run started in the same second holds that name in any of the directories).
     */
    public static List<PartsDir> createSiblings(List<Path> resultDirs, Instant start, List<String> planJsons) throws IOException {
        for (Path d : resultDirs) {
            Files.createDirectories(d);
        }
        String base = ResultPaths.stamp(start);
        for (int n = 1; ; n++) {
            String name = (n == 1 ? base : base + "-" + n) + SUFFIX;
            List<Path> made = new ArrayList<>();
            try {
                for (Path d : resultDirs) {
                    // createDirectory fails if it exists: two runs started in the same second get different names
                    made.add(Files.createDirectory(d.resolve(name)));
                }
            } catch (FileAlreadyExistsException | NoSuchFileException e) {
                for (Path m : made) {
                    Files.delete(m);
                }
                if (e instanceof NoSuchFileException) {
                    // another run that wrote nothing removed an empty directory just now: make it again, same name
                    for (Path d : resultDirs) {
                        Files.createDirectories(d);
                    }
                    n--;
                }
                continue;
            }
            List<PartsDir> out = new ArrayList<>();
            for (int i = 0; i < made.size(); i++) {
                // locked before the plan exists, so no resume can start on it in between
                PartsLock.acquire(made.get(i));
                AtomicFiles.writeNew(made.get(i).resolve(PLAN), planJsons.get(i));
                out.add(new PartsDir(made.get(i)));
            }
            return out;
        }
    }

    /**
     * An existing parts directory, which must hold a plan, locked for this process until {@link #remove}
     * (see {@link PartsLock}): a second process resuming it is refused.
     */
    public static PartsDir open(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(PLAN))) {
            throw new IllegalArgumentException(dir + " is not an unfinished run: it has no " + PLAN);
        }
        try {
            PartsLock.acquire(dir);
        } catch (NoSuchFileException e) {
            throw finishedMeanwhile(dir);
        }
        // the owner may have merged the run and removed the directory between the check and the lock
        if (!Files.isRegularFile(dir.resolve(PLAN))) {
            PartsLock.release(dir);
            throw finishedMeanwhile(dir);
        }
        return new PartsDir(dir);
    }

    private static IllegalArgumentException finishedMeanwhile(Path dir) {
        return new IllegalArgumentException(dir + " was finished by another process just now: its results are beside it");
    }

    public Path path() {
        return dir;
    }

    /** Where the result file goes: the {@code jdk<major>} directory this one sits in. */
    public Path resultDir() {
        return dir.toAbsolutePath().getParent();
    }

    public String plan() {
        try {
            return Files.readString(dir.resolve(PLAN), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(PLAN), e);
        }
    }

    /** The run's record of added forks, rewritten whole each time it grows a row; empty before the first. */
    public Optional<String> growth() {
        try {
            Path f = dir.resolve(GROWTH);
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(GROWTH), e);
        }
    }

    /** Replaces the record of added forks, atomically: a kill leaves the old record or the new one. */
    public void writeGrowth(String json) throws IOException {
        AtomicFiles.replace(dir.resolve(GROWTH), json);
    }

    /** How many pieces are filed: every {@code <id>.json} but the plan and the growth record. */
    public long finished() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json") && !f.equals(PLAN) && !f.equals(GROWTH)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The parts directories this process holds: its runs in progress. */
    public static List<PartsDir> held() {
        return PartsLock.held().stream().filter(d -> Files.isRegularFile(d.resolve(PLAN))).map(PartsDir::new).toList();
    }

    public boolean done(String id) {
        return Files.isRegularFile(pieceFile(id));
    }

    /** Where JMH writes a piece's JSON while it runs: hidden, so a kill leaves nothing that looks finished. */
    public Path scratch(String id) {
        return dir.resolve("." + id + ".running");
    }

    /** Files a finished piece: its error and machine load first, then its rows, which mark it done. */
    public void record(String id, String jmhJson, Optional<String> error, Optional<MachineLoad> load) throws IOException {
        if (done(id)) {
            throw new FileAlreadyExistsException(pieceFile(id).toString());
        }
        // An .error or .load without .json is a piece a kill interrupted between the writes; it is redone.
        Files.deleteIfExists(errorFile(id));
        Files.deleteIfExists(loadFile(id));
        if (error.isPresent()) {
            AtomicFiles.writeNew(errorFile(id), error.get() + System.lineSeparator());
        }
        if (load.isPresent()) {
            AtomicFiles.writeNew(loadFile(id), JmhJson.toJson(load.get().toJson()));
        }
        AtomicFiles.writeNew(pieceFile(id), jmhJson);
        Files.deleteIfExists(scratch(id));
    }

    public List<JsonNode> rows(String id) {
        return JmhJson.rows(pieceFile(id));
    }

    public Optional<String> error(String id) {
        try {
            Path f = errorFile(id);
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Called once the merged result file is safely written. The rename comes first and is atomic, so a
     * kill during the deletion leaves a hidden directory no resume picks up, never a half-emptied run
     * that would be merged a second time.
     */
    public void remove() throws IOException {
        Path trash = dir.resolveSibling("." + dir.getFileName() + ".removing");
        Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
        try (Stream<Path> all = Files.walk(trash)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } finally {
            PartsLock.release(dir);
        }
        // a run that wrote nothing leaves no empty jdk<major> and runner directories behind
        Path jdkDir = resultDir();
        if (deleteIfEmpty(jdkDir)) {
            deleteIfEmpty(jdkDir.getParent());
        }
    }

    private static boolean deleteIfEmpty(Path dir) {
        try {
            return Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty (another run's files, or one just starting), or not ours to delete: it stays
            return false;
        }
    }

    /** The piece's machine load; empty when it was not measured or its file cannot be read, never fatal. */
    public Optional<MachineLoad> load(String id) {
        Path f = loadFile(id);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MachineLoad.of(JmhJson.MAPPER.readTree(f.toFile())));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Path loadFile(String id) {
        return dir.resolve(id + ".load");
    }

    private Path pieceFile(String id) {
        return dir.resolve(id + ".json");
    }

    private Path errorFile(String id) {
        return dir.resolve(id + ".error");
    }
}
