import io.cpabench.tables.HeadlineTables;
import io.cpabench.results.JmhJson;
import io.cpabench.results.JmhRow;
import io.cpabench.tables.LatencyTable;
import io.cpabench.scaling.ScalingReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/** The terminal tables a run prints after it ends, rendered for one committed result file: for .ci/snapshot/run. */
public class Tables {
    public static void main(String[] args) {
        List<JsonNode> json = JmhJson.rows(Path.of(args[0]));
        List<JmhRow> rows = json.stream().map(JmhRow::of).toList();
        for (int cores : new int[] {2, 16}) {
            System.out.print(new HeadlineTables(rows, cores).render());
        }
        System.out.print(ScalingReport.render(rows));
        System.out.print(new LatencyTable(json).render());
    }
}
