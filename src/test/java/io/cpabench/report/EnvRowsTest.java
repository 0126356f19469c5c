package io.cpabench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The environment table: every fact as a dotted key, but a run's hundreds of per-piece records only counted. */
class EnvRowsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void nestedFactsBecomeDottedKeysAndLongRecordListsACount() throws Exception {
        ObjectNode env = (ObjectNode) mapper.readTree("""
                {"cpuModel": "x", "notes": [], "forkJvm": {"configs": [{"gc": "G1"}]},
                 "machineLoad": {"otherShare": 0.004, "busyPieces": [{"piece": "007-a"}]}}
                """);
        ArrayNode pieces = ((ObjectNode) env.get("machineLoad")).putArray("pieces");
        for (int i = 0; i < 570; i++) {
            pieces.addObject().put("piece", "p" + i).put("totalTicks", 1000);
        }
        List<List<String>> rows = EnvRows.of(env);
        assertThat(rows).contains(List.of("cpuModel", "x"), List.of("notes", "(none)"), List.of("forkJvm.configs[0].gc", "G1"),
                List.of("machineLoad.otherShare", "0.004"), List.of("machineLoad.busyPieces[0].piece", "007-a"),
                List.of("machineLoad.pieces", "570 entries (in the environment file)"));
        assertThat(rows).hasSize(6);
    }

    @Test
    void noEnvironmentFileNoRows() {
        assertThat(EnvRows.of((JsonNode) null)).isEmpty();
    }
}
