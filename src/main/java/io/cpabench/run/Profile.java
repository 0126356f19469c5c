package io.cpabench.run;

import java.util.List;

/**
 * A named run plan from {@code benchmarks/<name>.json}.
 *
 * @param comparable  false for plans too short to compare across runs (smoke): recorded beside results
 * @param failOnError true makes JMH stop a group at its first failing benchmark (CI wants that)
 */
public record Profile(String name, String description, boolean comparable, boolean failOnError,
                      List<ProfileGroup> groups) {
}
