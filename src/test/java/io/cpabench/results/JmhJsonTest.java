package io.cpabench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonTest {
    @TempDir
    Path tmp;

    @Test
    void mergeConcatenatesRowsUnchanged() throws Exception {
        String a = new Rows().scaling("CPU", "SEQUENTIAL", 2, 64, 57801.88086513718, Double.NaN)
                .scaling("CPU", "FORK_JOIN", 2, 64, 1.0E7, 0.1234567890123).json();
        String b = new Rows().dispatch("EVENT_LOOP", 2, 24.883, 1.5).json();
        Path fa = Files.writeString(tmp.resolve("a.json"), a);
        Path fb = Files.writeString(tmp.resolve("b.json"), b);
        Path missing = tmp.resolve("failed-group.json");

        ArrayNode merged = JmhJson.merge(List.of(fa, missing, fb));

        ObjectMapper plain = new ObjectMapper();
        JsonNode expected = plain.createArrayNode().addAll((ArrayNode) plain.readTree(a)).addAll((ArrayNode) plain.readTree(b));
        JsonNode reread = plain.readTree(JmhJson.toJson(merged));
        assertThat(reread).isEqualTo(expected);
        // digits and JMH's "NaN" strings survive byte for byte
        String text = JmhJson.toJson(merged);
        assertThat(text).contains("57801.88086513718").contains("0.1234567890123").contains("\"NaN\"");
    }

    @Test
    void emptyGroupFileHasNoRows() throws Exception {
        assertThat(JmhJson.rows(Files.writeString(tmp.resolve("e.json"), ""))).isEmpty();
    }

    @Test
    void rowFieldsAreRead() {
        JmhRow r = new Rows().scaling("IO_SLEEP", "EVENT_LOOP", 2, 256, 400, 12).parsed().get(0);
        assertThat(r.shortName()).isEqualTo("ScalingBenchmark.run");
        assertThat(r.param("model")).isEqualTo("EVENT_LOOP");
        assertThat(r.score()).isEqualTo(400);
        assertThat(r.error()).isEqualTo(12);
        assertThat(r.perSecondFactor()).isEqualTo(1.0);
        assertThat(new Rows().scaling("CPU", "SEQUENTIAL", 1, 1, Double.NaN, Double.NaN).parsed().get(0).error()).isNaN();
    }
}
