package io.cpabench.report;

import io.cpabench.stats.NoiseFloor;
import io.cpabench.stats.NoiseFloorJson;
import java.io.IOException;
import java.nio.file.Path;
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
        ReportData data = ReportData.of(plan, Sources.scalingFits(), Sources.diff(), floor);
        String html = HtmlPage.render(data);
        String md = SummaryMarkdown.render(data);
        ReportFiles.replace(outDir, HTML, html, MARKDOWN, md);
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
