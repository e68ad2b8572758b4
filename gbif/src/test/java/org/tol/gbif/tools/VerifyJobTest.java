package org.tol.gbif.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.gbif.GbifImage;
import org.tol.gbif.table.CsvTable;
import org.tol.gbif.wds.SampleImage;
import org.tol.io.image.SyntheticImages;
import org.tol.runtime.exec.StopFlag;

/** verify resumed from a partial checkpoint (tol's or the reference's) ends with the files of one full run. */
class VerifyJobTest {
    @TempDir Path dir;

    @Test
    void resumeFromAPartialCheckpointGivesTheFullRunsFiles() throws Exception {
        Path images = dir.resolve("images");
        List<GbifImage> all = new ArrayList<>();
        Random rnd = new Random(1);
        for (int i = 0; i < 9; i++) {
            String[] v = new String[GbifImage.COLUMNS.size() - 1];
            v[0] = Integer.toString(10 + i);
            v[1] = "http://x/" + i + ".jpg";
            v[2] = v[0];
            v[3] = "ds";
            GbifImage g = new GbifImage(v, 0, null, null);
            all.add(g);
            Path f = images.resolve(g.imagePath());
            Files.createDirectories(f.getParent());
            if (i == 2) {
                Files.write(f, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
            } else if (i != 5) { // image 5 was never fetched
                Files.write(f, SampleImage.jpeg100(SyntheticImages.render(rnd, 40 + i, 30 + i)));
            }
        }
        Path full = dir.resolve("full.csv");
        new VerifyJob(all, images, full, 4, 2, new StopFlag()).run(null);
        assertEquals(7, CsvTable.read(full).rows().size());
        assertEquals(1, CsvTable.read(Path.of(full + ".error.csv")).rows().size());

        // the first 5 images verified before a kill: then resume over all of them, twice
        Path part = dir.resolve("part.csv");
        new VerifyJob(all.subList(0, 5), images, part, 4, 2, new StopFlag()).run(null);
        new VerifyJob(all, images, part, 4, 2, new StopFlag()).run(part);
        new VerifyJob(all, images, part, 4, 2, new StopFlag()).run(part);
        assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(part));
        assertArrayEquals(Files.readAllBytes(Path.of(full + ".error.csv")), Files.readAllBytes(Path.of(part + ".error.csv")));

        // a reference checkpoint has no file_size/corrupted columns: tol takes them from the files
        CsvTable t = CsvTable.read(full);
        int size = t.header().indexOf("file_size");
        List<String> header = new ArrayList<>(t.header().subList(0, size));
        List<String[]> rows = new ArrayList<>();
        for (String[] r : t.rows().subList(0, 3)) {
            rows.add(java.util.Arrays.copyOf(r, size));
        }
        Path ref = dir.resolve("ref.csv");
        CsvTable.write(ref, header, rows);
        Files.writeString(Path.of(ref + ".error.csv"), "image_path\nds/12.jpg\nds/12.jpg\n"); // the reference's duplicate
        new VerifyJob(all, images, ref, 4, 2, new StopFlag()).run(ref);
        assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(ref));
        assertEquals("image_path\nds/12.jpg\n", Files.readString(Path.of(ref + ".error.csv")));
    }
}
