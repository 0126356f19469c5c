package io.cpabench.run;

/**
 * A CPython interpreter a run's CPython pieces fork ({@code run --python PATH}): its label, which names
 * its result set ({@code cpython3.11}, {@code cpython3.13t} for a free-threaded build, as the harness's
 * probe says), and the interpreter as given (a path, or a name looked up on PATH when the run starts).
 */
public record ForkPython(String label, String python) implements ForkTarget {
    @Override
    public String directoryName() {
        return label;
    }

    @Override
    public String describe() {
        return "CPython " + label.substring("cpython".length()) + " (" + python + ")";
    }

    @Override
    public String progressName() {
        return label;
    }
}
