package org.tol.stages.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.io.image.ImageDecoder;
import org.tol.io.parquet.InputFiles;
import org.tol.stages.sample.SampleMaker;
import org.tol.stages.sample.SampleManifest;
import org.tol.stages.sample.SampleSpec;

class InspectorTest {
    @Test
    void reportsExactlyThePlantedBadRowsAndUnreadableFiles(@TempDir Path tmp) throws Exception {
        SampleManifest m = SampleMaker.make(tmp, new SampleSpec(3, 36, 5, 3));
        Files.write(tmp.resolve("data/broken.parquet"), "PAR1 this is not parquet".getBytes());
        List<InspectReport.FileReport> seen = new ArrayList<>();
        InspectReport r = new Inspector(new ImageDecoder(), 2)
                .inspect(InputFiles.resolve(List.of(tmp.resolve("data").toString())), seen::add);
        assertEquals(36, r.rows());
        assertEquals(33, r.ok());
        assertEquals(3, r.bad());
        assertEquals(1, r.failedFiles());
        assertFalse(r.complete());
        assertEquals(4, seen.size());
        var expected = m.badRows().stream()
                .map(b -> b.uuid() + "|" + tmp.resolve(b.file()) + "|" + b.row() + "|" + b.reason())
                .sorted().toList();
        var actual = r.badRows().stream().map(b -> b.uuid() + "|" + b.file() + "|" + b.row() + "|" + b.reason())
                .sorted(Comparator.naturalOrder()).toList();
        assertEquals(expected, actual);
        var broken = r.files().stream().filter(f -> f.path().endsWith("broken.parquet")).findFirst().orElseThrow();
        assertTrue(broken.error().contains("not a readable Parquet file"), broken.error());
    }
}
