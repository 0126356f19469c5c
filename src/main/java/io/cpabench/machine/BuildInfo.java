package io.cpabench.machine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The suite's version and git commit as baked into the jar by Maven ({@code cpabench-build.properties}).
 * A build outside a git checkout leaves the placeholders unfiltered: those read as "unknown".
 */
public record BuildInfo(String version, String commit, Boolean dirty) {
    static final String RESOURCE = "cpabench-build.properties";
    static final String UNKNOWN = "unknown";

    public static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return of(p);
        } catch (IOException e) {
            return of(new Properties());
        }
    }

    public static BuildInfo of(Properties p) {
        String dirty = known(p.getProperty("dirty"));
        return new BuildInfo(known(p.getProperty("version")) == null ? UNKNOWN : p.getProperty("version").trim(),
                known(p.getProperty("commit")) == null ? UNKNOWN : p.getProperty("commit").trim(),
                dirty == null ? null : Boolean.valueOf(dirty));
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") ? null : value.trim();
    }
}
