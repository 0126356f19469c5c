package io.cpabench.report;

import io.cpabench.stats.NoiseFloor;
import io.cpabench.stats.NoiseFloorJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of one or more result sets: {@code report.html} (charts, tables, environment) and
 * {@code summary.md} (the tables). All input is read and checked before anything is written.
 */
public final class Report {
    public static final String HTML = "report.html";
    public static final String MARKDOWN = "summary.md";

    private Report() {}

    /**
     * @return the written report.html
     * @throws IllegalArgumentException with a one-line message for missing or non-JMH input, nothing written
     */
    public static Path write(List<Path> inputs, Path outDir) throws IOException {
        return write(inputs, outDir, null);
    }

    /** @param noiseFloor a {@code noise-floor --out} file whose detectable effects the diffs show, or null */
    public static Path write(List<Path> inputs, Path outDir, Path noiseFloor) throws IOException {
        SetPlan plan = ResultSets.plan(inputs);
        NoiseFloor floor = noiseFloor == null ? null : NoiseFloorJson.read(noiseFloor);
        ReportData data = ReportData.of(plan, floor);
        String html = HtmlPage.render(data);
        String md = SummaryMarkdown.render(data);
        ReportFiles.replace(outDir, HTML, html, MARKDOWN, md);
        return outDir.resolve(HTML);
    }

    /**
     * The trends of a nightly history ({@code DIR/<runner>/<YYYY-MM-DD>/jdk<label>/}): report.html with
     * every row's score and p99 over the nights and the nights a verdict fired, and summary.md.
     *
     * @param chartsPerSet charts for this many rows of each runner/JDK set, those whose last night moved
     *                     most first (every row is in the set's table); {@link Integer#MAX_VALUE} for all
     *
     * @return the written report.html
     * @throws IllegalArgumentException with a one-line message when {@code history} is not such a
     *         directory or holds no readable result, nothing written
     */
    public static Path history(Path history, Path outDir, int chartsPerSet) throws IOException {
        HistoryLayout.Found found = HistoryLayout.scan(history);
        List<String> leftOut = new ArrayList<>(found.leftOut());
        List<TrendSet> sets = TrendSets.of(found.nights(), leftOut);
        if (sets.stream().allMatch(s -> s.rows().isEmpty())) {
            throw new IllegalArgumentException("report: no readable result file in the history " + history
                    + (leftOut.isEmpty() ? "" : " (" + leftOut.get(0) + (leftOut.size() > 1 ? ", …" : "") + ")"));
        }
        TrendData data = new TrendData(history.toString(), sets, leftOut, chartsPerSet);
        ReportFiles.replace(outDir, HTML, TrendPage.render(data), MARKDOWN, TrendMarkdown.render(data));
        return outDir.resolve(HTML);
    }

    /** Where {@code run} puts the report of the result file it just wrote: beside it. */
    public static Path writeBeside(Path resultFile) throws IOException {
        return write(List.of(resultFile), resultFile.toAbsolutePath().getParent());
    }

    /**
     * {@code run}'s report of the result files it wrote (one per JDK, the first the diff's old side), in
     * the deepest directory holding them all: beside a single file, in the runner's directory for
     * several JDKs. Returns the line to print, empty when the run wrote nothing.
     */
    public static String besideResults(List<Path> resultFiles) throws IOException {
        if (resultFiles.isEmpty()) {
            return "";
        }
        Path dir = resultFiles.get(0).toAbsolutePath().getParent();
        for (Path f : resultFiles) {
            while (!f.toAbsolutePath().startsWith(dir)) {
                dir = dir.getParent();
            }
        }
        return System.lineSeparator() + "report: " + write(resultFiles, dir) + System.lineSeparator();
    }
}
