package io.cpabench.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Names of the suite's enums (workloads, models, cases) as users type them: any case, failures listing the valid ones. */
public final class EnumNames {
    private EnumNames() {}

    /**
     * The constant named {@code name} in any case.
     *
     * @param kind what the enum is, for the message: "model", "workload"
     * @throws IllegalArgumentException naming the valid constants
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String kind, String name) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; valid: " + names(type), e);
        }
    }

    /** "A, B, C" in declaration order. */
    public static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * Why this JVM cannot run {@code what}, or null when its feature release is at least {@code minJdk}.
     */
    public static String tooOld(String what, int minJdk) {
        int feature = Runtime.version().feature();
        return feature >= minJdk ? null : what + " needs JDK " + minJdk + "+, this JVM is " + feature;
    }
}
