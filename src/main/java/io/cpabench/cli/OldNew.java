package io.cpabench.cli;

import io.cpabench.results.ResultSetDirs;
import io.cpabench.results.SetPairs;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** OLD and NEW as compare and noise-floor take them (a picocli mixin), and the result sets they pair. */
final class OldNew {
    @Parameters(index = "0", paramLabel = "OLD",
            description = "the old side (compare's baseline, noise-floor's first A/A run): a JMH JSON file, a directory of them,"
                    + " a runner directory (jdk*/ inside) or a results root")
    Path oldPath;

    @Parameters(index = "1", paramLabel = "NEW", description = "the new side, as OLD; runner directories pair by JDK label")
    Path newPath;

    static OldNew of(Path oldPath, Path newPath) {
        OldNew o = new OldNew();
        o.oldPath = oldPath;
        o.newPath = newPath;
        return o;
    }

    /** The sets of both sides, paired by JDK label when they are runner directories. */
    SetPairs pairs() {
        return SetPairs.of(ResultSetDirs.find(oldPath), ResultSetDirs.find(newPath));
    }
}
