package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.filter.ImageFilter;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.schema.Column;
import org.tol.cli.TolCommand;
import org.tol.filters.imagestats.ImageStatsFilter;
import org.tol.io.image.RawBgr;
import org.tol.runtime.RankContext;
import org.tol.runtime.RankRunner;
import org.tol.runtime.StaticCoordinator;
import org.tol.runtime.exec.StopFlag;

/**
 * A filter that reads raw BGR cells ({@code ImageFilter.preparesBgr}) gets every raw cell through
 * {@code prepareBgr}, and the output equals the decoder's RGB path row for row (pixel digests included); cells
 * that fit neither size still fail as {@code size_mismatch}.
 */
class RawBgrHandOffTest {
    @TempDir Path tmp;

    /** image-stats, with a BGR entry that swaps the cell itself and counts its calls. */
    static final class BgrStats implements ImageFilter<Map<String, Object>> {
        final ImageStatsFilter stats = new ImageStatsFilter();
        final AtomicInteger bgrCalls = new AtomicInteger();
        final AtomicInteger rgbCalls = new AtomicInteger();

        @Override
        public String name() {
            return stats.name();
        }

        @Override
        public List<Column> outputColumns() {
            return stats.outputColumns();
        }

        @Override
        public Map<String, Object> prepare(RgbImage image) {
            rgbCalls.incrementAndGet();
            return stats.prepare(image);
        }

        @Override
        public boolean preparesBgr() {
            return true;
        }

        @Override
        public Map<String, Object> prepareBgr(byte[] bgr, int offset, int width, int height) {
            bgrCalls.incrementAndGet();
            byte[] cell = java.util.Arrays.copyOfRange(bgr, offset, offset + width * height * 3);
            return stats.prepare(RawBgr.toRgb(cell, width, height));
        }

        @Override
        public List<RowResult> infer(List<Map<String, Object>> batch) {
            return stats.infer(batch);
        }

        @Override
        public Map<String, String> fingerprint() {
            return stats.fingerprint();
        }
    }

    @Test
    void rawCellsGoToPrepareBgrWithTheSameResults() throws Exception {
        Path in = tmp.resolve("in");
        TinySample.Written w = TinySample.write(in, 2, 9, 5, 40, 4, 4, 99); // every 4th row cut short
        assertEquals(4, w.badRows());
        Path viaRgb = tmp.resolve("rgb");
        int rgbCode = RuntimeHarness.runThreads(RuntimeHarness.config(in, viaRgb), 1, new StopFlag())[0];
        Path viaBgr = tmp.resolve("bgr");
        BgrStats filter = new BgrStats();
        int code = new RankRunner(RuntimeHarness.config(in, viaBgr), new RankContext(0, 1, 0, 0, "test", "test"),
                new StaticCoordinator(), new StopFlag(), Map.of()).run(ImageStatsFilter.NAME, d -> filter);
        assertEquals(rgbCode, code, "the same exit code as the RGB path");
        assertEquals(w.rows() - w.badRows(), filter.bgrCalls.get(), "every raw cell went to prepareBgr");
        assertEquals(0, filter.rgbCalls.get(), "no raw cell was decoded to RGB first");
        assertEquals(TolCommand.commandLine().execute("collect", viaRgb.toString()),
                TolCommand.commandLine().execute("collect", viaBgr.toString()));
        for (String part : List.of("predictions.parquet", "failures.parquet")) {
            Map<String, Map<String, Object>> a = RuntimeHarness.readPredictions(viaRgb.resolve(part));
            Map<String, Map<String, Object>> b = RuntimeHarness.readPredictions(viaBgr.resolve(part));
            assertFalse(a.isEmpty(), part);
            assertEquals(a, b, part);
        }
    }
}
