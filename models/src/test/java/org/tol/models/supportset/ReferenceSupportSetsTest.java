package org.tol.models.supportset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tol.api.model.DType;
import org.tol.io.json.Json;

/** The reference's six shipped support sets read exactly as ../shared/data/support-sets/expected.json says. */
class ReferenceSupportSetsTest {
    private static Path dir() {
        String shared = System.getProperty("tol.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "data/support-sets")),
                "shared support-set data not present (tol.shared=" + shared + "); skipping");
        return Path.of(shared, "data/support-sets");
    }

    private static DType torchDtype(String name) {
        return switch (name) {
            case "double" -> DType.FLOAT64;
            case "float" -> DType.FLOAT32;
            case "half" -> DType.FLOAT16;
            default -> throw new AssertionError(name);
        };
    }

    @Test
    void allSixFilesMatchExpectedJson() throws Exception {
        Path dir = dir();
        JsonNode expected = Json.mapper().readTree(dir.resolve("expected.json").toFile());
        int files = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); files++) {
            Map.Entry<String, JsonNode> f = it.next();
            SupportSet set = SupportSets.read(dir.resolve(f.getKey()));
            JsonNode entries = f.getValue();
            assertEquals(entries.size(), set.size(), f.getKey() + " label count");
            for (int i = 0; i < entries.size(); i++) {
                JsonNode e = entries.get(i);
                SupportVector v = set.vectors().get(i);
                String where = f.getKey() + "[" + i + "]";
                assertEquals(e.get("label").asText(), v.label(), where + " label (order)");
                assertArrayEquals(Json.mapper().treeToValue(e.get("shape"), long[].class), v.shape(), where + " shape");
                assertEquals(torchDtype(e.get("dtype").asText()), v.dtype(), where + " dtype");
                // expected.json rounds to 6 decimals: allow half a unit in the last place plus float noise.
                assertEquals(e.get("norm").asDouble(), v.norm(), 6e-7, where + " norm");
                for (int k = 0; k < 4; k++) {
                    assertEquals(e.get("first4").get(k).asDouble(), v.values()[k], 6e-7, where + " value " + k);
                }
            }
        }
        assertEquals(6, files);
    }
}
