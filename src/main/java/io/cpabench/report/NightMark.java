package io.cpabench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the nightly's comparison against the pooled past said about one night of one runner and JDK:
 * nothing, a regression (a {@code FLAGGED} file, written by {@code nightly.sh compare --history}), or a
 * regression someone accepted ({@code ACCEPTED} beside it, written by {@code nightly.sh accept}).
 *
 * @param note the first line of the file that set the mark (which nights were pooled, or why it was
 *             accepted), empty for none; shown escaped
 */
record NightMark(Kind kind, String note) {
    enum Kind { NONE, FLAGGED, ACCEPTED }

    static final NightMark NONE = new NightMark(Kind.NONE, "");

    /** ACCEPTED wins over FLAGGED, as in the nightly's baseline rule: an accepted night is the new normal. */
    static NightMark of(Path nightDir) {
        Path accepted = nightDir.resolve("ACCEPTED");
        if (Files.exists(accepted)) {
            return new NightMark(Kind.ACCEPTED, firstLine(accepted));
        }
        Path flagged = nightDir.resolve("FLAGGED");
        return Files.exists(flagged) ? new NightMark(Kind.FLAGGED, firstLine(flagged)) : NONE;
    }

    boolean flagged() {
        return kind == Kind.FLAGGED;
    }

    boolean accepted() {
        return kind == Kind.ACCEPTED;
    }

    /** "FLAGGED", "ACCEPTED" or "" for the tables. */
    String word() {
        return kind == Kind.NONE ? "" : kind.name();
    }

    // The mark is the file's existence; its text is a courtesy, so an unreadable one only loses the note.
    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
