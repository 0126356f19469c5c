package io.cpabench.results;

/** JMH score units ("ops/ms", "us/op") to one base, so tables read the same whatever -tu was. */
public final class Units {
    private Units() {}

    public static double perSecond(String unit) {
        if (!unit.startsWith("ops/")) {
            throw new IllegalArgumentException("not a throughput unit: " + unit);
        }
        return 1e9 / nanosIn(unit.substring(4));
    }

    public static boolean higherIsBetter(String unit) {
        if (unit.startsWith("ops/")) {
            return true;
        }
        if (unit.endsWith("/op")) {
            return false;
        }
        throw new IllegalArgumentException("unit '" + unit + "' is neither ops/time nor time/op");
    }

    public static double nanos(String unit) {
        if (!unit.endsWith("/op")) {
            throw new IllegalArgumentException("not a time-per-operation unit: " + unit);
        }
        return nanosIn(unit.substring(0, unit.length() - 3));
    }

    private static double nanosIn(String timeUnit) {
        switch (timeUnit) {
            case "ns": return 1;
            case "us": return 1e3;
            case "ms": return 1e6;
            case "s": return 1e9;
            case "min": return 60e9;
            case "hr": return 3600e9;
            case "day": return 86400e9;
            default: throw new IllegalArgumentException("unknown time unit: " + timeUnit);
        }
    }
}
