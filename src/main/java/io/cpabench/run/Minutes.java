package io.cpabench.run;

import java.util.Locale;

/** A duration in seconds as the plan prints it: whole minutes and seconds. */
public final class Minutes {
    private Minutes() {}

    public static String of(double seconds) {
        return String.format(Locale.ROOT, "%.0f min %02.0f s", Math.floor(seconds / 60), seconds % 60);
    }
}
