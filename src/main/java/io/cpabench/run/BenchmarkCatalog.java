package io.cpabench.run;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmarks this build holds and their {@code @Param}s, read from the list JMH's annotation
 * processor writes into the build ({@code META-INF/BenchmarkList}, what JMH's own {@code -l} reads),
 * so a profile or a {@code -p} is checked against what JMH will run, before a fork starts.
 */
public final class BenchmarkCatalog {
    /** One benchmark method: its full name and its parameters' types, in declaration order. */
    public record Benchmark(String name, Map<String, Class<?>> params) {}

    private static final OutputFormat SILENT =
            OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT);
    private static BenchmarkCatalog built;

    private final List<Benchmark> benchmarks;

    BenchmarkCatalog(List<Benchmark> benchmarks) {
        this.benchmarks = List.copyOf(benchmarks);
    }

    /** This build's benchmarks, read once. */
    public static synchronized BenchmarkCatalog get() {
        if (built == null) {
            List<Benchmark> out = new ArrayList<>();
            for (BenchmarkListEntry e : BenchmarkList.defaultList().getAll(SILENT, List.of())) {
                out.add(new Benchmark(e.getUsername(), types(e)));
            }
            out.sort(java.util.Comparator.comparing(Benchmark::name));
            built = new BenchmarkCatalog(out);
        }
        return built;
    }

    public List<Benchmark> all() {
        return benchmarks;
    }

    /** The benchmarks an include regex selects, as JMH selects them: the regex found anywhere in the name. */
    List<Benchmark> matching(String include) {
        Pattern p = Pattern.compile(include);
        return benchmarks.stream().filter(b -> p.matcher(b.name()).find()).toList();
    }

    /**
     * The valid values of a parameter of this type, for an enum; empty for any other type, whose
     * values are checked by {@link #parses}.
     */
    public static Optional<List<String>> constants(Class<?> type) {
        return type.isEnum()
                ? Optional.of(Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList())
                : Optional.empty();
    }

    /** Whether JMH can set a parameter of this type to {@code value} (as its generated code converts it). */
    static boolean parses(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == double.class || type == Double.class) {
                Double.parseDouble(value);
            } else if (type == float.class || type == Float.class) {
                Float.parseFloat(value);
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(value);
            } else if (type == byte.class || type == Byte.class) {
                Byte.parseByte(value);
            } else if (type == boolean.class || type == Boolean.class) {
                return value.equals("true") || value.equals("false");
            } else if (type == char.class || type == Character.class) {
                return value.length() == 1;
            } else if (type.isEnum()) {
                return constants(type).orElseThrow().contains(value);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The parameter names from the list, their types from the benchmark class's fields (or String if unseen). */
    private static Map<String, Class<?>> types(BenchmarkListEntry e) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        if (!e.getParams().hasValue()) {
            return out;
        }
        for (String name : e.getParams().get().keySet()) {
            out.put(name, fieldType(e.getUserClassQName(), name));
        }
        return out;
    }

    private static Class<?> fieldType(String className, String field) {
        try {
            // not initialised: a benchmark's static set-up has no business running in the CLI
            for (Class<?> c = Class.forName(className, false, BenchmarkCatalog.class.getClassLoader()); c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals(field)) {
                        return f.getType();
                    }
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // a @Param in a @State class elsewhere: its values go unchecked, as JMH would take them
        }
        return String.class;
    }
}
