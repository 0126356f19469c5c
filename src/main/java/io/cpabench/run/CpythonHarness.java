package io.cpabench.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPython harness ({@code python/cpabench_py}, standard library only), packaged in the jar and
 * unpacked once per process into a temporary directory that goes when the process ends, so the jar alone
 * runs {@code run --python}: every interpreter starts it as {@code python -m cpabench_py} with that
 * directory on its PYTHONPATH.
 */
final class CpythonHarness {
    static final String RESOURCE = "python/cpabench_py";
    private static Path dir;

    private CpythonHarness() {}

    /** The command {@code python -m cpabench_py ARGS}, ready to start, the harness on its path. */
    static ProcessBuilder command(String python, List<String> args) {
        List<String> command = new ArrayList<>(List.of(python, "-m", "cpabench_py"));
        command.addAll(args);
        ProcessBuilder b = new ProcessBuilder(command);
        b.environment().put("PYTHONPATH", directory().toString());
        // bytecode caches would be written into the temporary copy, for nothing
        b.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return b;
    }

    static synchronized Path directory() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("cpabench-python-");
                copy(d.resolve("cpabench_py"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d), "cpabench-python-cleanup"));
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the CPython harness: " + e.getMessage(), e);
            }
        }
        return dir;
    }

    private static void copy(Path target) throws IOException {
        URL init = CpythonHarness.class.getClassLoader().getResource(RESOURCE + "/__init__.py");
        if (init == null) {
            throw new IllegalStateException("this build has no CPython harness (" + RESOURCE + ")");
        }
        URI uri;
        try {
            uri = init.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(target);
        if ("jar".equals(uri.getScheme())) {
            FileSystem fs;
            boolean mine = false;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
                mine = true;
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            try {
                copyTree(fs.provider().getPath(uri).getParent(), target);
            } finally {
                if (mine) {
                    fs.close();
                }
            }
        } else {
            copyTree(Path.of(uri).getParent(), target);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".py")).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    Files.copy(in, to.resolve(f.getFileName().toString()));
                }
            }
        }
    }

    private static void delete(Path d) {
        try (Stream<Path> files = Files.walk(d)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the OS clears it in the end
        }
    }
}
