package io.cpabench.report;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The synthetic result sets under src/test/resources: two runs (JDK 17, 25), one hostile file, a nightly history. */
final class Fixtures {
    private Fixtures() {}

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path runs() {
        return path("runs");
    }

    /** A nightly history: ci16, jdk17 and jdk25, ten nights, flagged, accepted, missing and unreadable ones. */
    static Path history() {
        return path("history");
    }

    static Path hostile() {
        return path("hostile.json");
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
