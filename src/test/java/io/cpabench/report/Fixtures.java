package io.cpabench.report;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The synthetic result sets under src/test/resources: two runs (JDK 17, 25) and one hostile file. */
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
