package org.tol.filters.megadetector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tol.api.TolException;
import org.tol.api.model.Tensor;

/**
 * Each output layout decoded from hand-made tensors. Three boxes: P (person, conf 0.9*0.8) at
 * (90,80)-(110,120); A1 (animal, 0.8*0.95) at (95,80)-(115,120); A2 (animal, 0.5*0.9) at (90,80)-(110,120).
 * IoU(A1, A2) = 15*40 / (800 + 800 - 600) = 0.6, so A2 goes at IoU 0.45 or 0.5 and stays at 0.7; P never
 * suppresses A2 (other class).
 */
class DecoderTest {
    private static final float[][] ROWS = {
        // cx, cy, w, h, obj, animal, person, vehicle
        {100, 100, 20, 40, 0.9f, 0.5f, 0.8f, 0.1f},
        {105, 100, 20, 40, 0.8f, 0.95f, 0.1f, 0.1f},
        {100, 100, 20, 40, 0.5f, 0.9f, 0.2f, 0.1f},
        {300, 300, 10, 10, 0.004f, 1f, 0f, 0f}, // objectness below conf: never a candidate
    };

    private static Tensor v5(int images) {
        float[] d = new float[images * ROWS.length * 8];
        for (int i = 0; i < images; i++) {
            for (int a = 0; a < ROWS.length; a++) {
                System.arraycopy(ROWS[a], 0, d, (i * ROWS.length + a) * 8, 8);
            }
        }
        return new Tensor(d, new long[] {images, ROWS.length, 8});
    }

    /** The same boxes as YOLOv8 output: channel-major, class score = obj * cls (no objectness channel). */
    private static Tensor v8() {
        int a = ROWS.length;
        float[] d = new float[7 * a];
        for (int k = 0; k < a; k++) {
            for (int c = 0; c < 4; c++) {
                d[c * a + k] = ROWS[k][c];
            }
            for (int c = 0; c < 3; c++) {
                d[(4 + c) * a + k] = ROWS[k][4] * ROWS[k][5 + c];
            }
        }
        return new Tensor(d, new long[] {1, 7, a});
    }

    private static void assertBox(Detection d, int cls, float conf, float x1, float y1, float x2, float y2) {
        assertEquals(cls, d.classId());
        assertEquals(conf, d.conf(), 1e-7f);
        assertEquals(x1, d.x1(), 1e-5f);
        assertEquals(y1, d.y1(), 1e-5f);
        assertEquals(x2, d.x2(), 1e-5f);
        assertEquals(y2, d.y2(), 1e-5f);
    }

    @Test
    void yolov5MultipliesObjectnessAndRunsClassAwareNms() {
        List<Detection> d = new Yolov5Decoder(3, 0.45f).decode(v5(1), 0, 0.005f);
        assertEquals(2, d.size());
        assertBox(d.get(0), 0, 0.8f * 0.95f, 95, 80, 115, 120);
        assertBox(d.get(1), 1, 0.9f * 0.8f, 90, 80, 110, 120);
    }

    @Test
    void yolov5KeepsOverlapBelowIou() {
        List<Detection> d = new Yolov5Decoder(3, 0.7f).decode(v5(1), 0, 0.005f);
        assertEquals(3, d.size());
        assertBox(d.get(2), 0, 0.5f * 0.9f, 90, 80, 110, 120);
    }

    @Test
    void yolov5DecodesTheRequestedImageOfABatch() {
        Tensor two = v5(2);
        two.data()[ROWS.length * 8 + 4] = 0f; // image 1 loses the person box
        assertEquals(2, new Yolov5Decoder(3, 0.45f).decode(two, 0, 0.005f).size());
        List<Detection> d = new Yolov5Decoder(3, 0.45f).decode(two, 1, 0.005f);
        assertEquals(1, d.size());
        assertEquals(0, d.get(0).classId());
    }

    @Test
    void yolov8UsesClassScoresAndIou07ByDefault() {
        DetectionDecoder dec = DecoderSelector.forShape(new long[] {1, 7, ROWS.length}, null);
        assertInstanceOf(Yolov8Decoder.class, dec);
        assertEquals(0.7f, dec.iou());
        List<Detection> d = dec.decode(v8(), 0, 0.005f);
        assertEquals(3, d.size()); // A2 survives at 0.7 (IoU 0.6)
        assertBox(d.get(0), 0, 0.8f * 0.95f, 95, 80, 115, 120);
        assertBox(d.get(1), 1, 0.9f * 0.8f, 90, 80, 110, 120);
        assertBox(d.get(2), 0, 0.5f * 0.9f, 90, 80, 110, 120);
        assertEquals(2, new Yolov8Decoder(3, 0.5f).decode(v8(), 0, 0.005f).size());
        // the objectness-0.004 row has class score 0.004 < 0.005
        assertTrue(dec.decode(v8(), 0, 0.005f).stream().noneMatch(x -> x.x1() > 200));
    }

    @Test
    void endToEndTakesRowsAsTheyAreWithoutNms() {
        float[] d = {
            10, 20, 30, 40, 0.9f, 2,
            0, 0, 5, 5, 0.001f, 0,
            12, 22, 30, 40, 0.95f, 2, // overlaps the first: kept, the model already de-duplicated
        };
        List<Detection> out = new EndToEndDecoder().decode(new Tensor(d, new long[] {1, 3, 6}), 0, 0.005f);
        assertEquals(2, out.size());
        assertBox(out.get(0), 2, 0.95f, 12, 22, 30, 40);
        assertBox(out.get(1), 2, 0.9f, 10, 20, 30, 40);
    }

    @Test
    void aScoreOfExactly02IsDroppedInEveryLayout() {
        // ultralytics and yolov5 keep conf > conf_thres; torch compares a float32 tensor with the Python 0.2 in
        // float32, so a score of 0.2f is not above it
        float[] v5 = {100, 100, 20, 40, 1f, 0.2f, 0f, 0f}; // objectness 1 x animal 0.2 = 0.2f exactly
        Tensor t5 = new Tensor(v5, new long[] {1, 1, 8});
        assertEquals(0, new Yolov5Decoder(3, 0.45f).decode(t5, 0, 0.2f).size());
        assertEquals(1, new Yolov5Decoder(3, 0.45f).decode(t5, 0, Math.nextDown(0.2f)).size());
        float[] v8 = {100, 100, 20, 40, 0.2f, 0f, 0f};
        Tensor t8 = new Tensor(v8, new long[] {1, 7, 1});
        assertEquals(0, new Yolov8Decoder(3, 0.7f).decode(t8, 0, 0.2f).size());
        assertEquals(1, new Yolov8Decoder(3, 0.7f).decode(t8, 0, Math.nextDown(0.2f)).size());
        Tensor e2e = new Tensor(new float[] {10, 20, 30, 40, 0.2f, 0}, new long[] {1, 1, 6});
        assertEquals(0, new EndToEndDecoder().decode(e2e, 0, 0.2f).size());
        assertEquals(1, new EndToEndDecoder().decode(e2e, 0, Math.nextDown(0.2f)).size());
    }

    @Test
    void endToEndKeepsIdenticalBoxesOfOneClassAndTheFirst300() {
        // two identical animal boxes (IoU 1): any IoU NMS would drop one; ultralytics' end-to-end branch does not
        float[] d = new float[400 * 6];
        for (int k = 0; k < 400; k++) {
            float[] row = {10, 20, 30, 40, 0.9f - k * 0.001f, 0};
            System.arraycopy(row, 0, d, k * 6, 6);
        }
        List<Detection> out = new EndToEndDecoder().decode(new Tensor(d, new long[] {1, 400, 6}), 0, 0.2f);
        assertEquals(300, out.size()); // pred[pred[:, 4] > conf][:max_det]: the first 300 above 0.2, none suppressed
        assertBox(out.get(0), 0, 0.9f, 10, 20, 30, 40);
        assertBox(out.get(1), 0, 0.9f - 0.001f, 10, 20, 30, 40);
        assertBox(out.get(299), 0, 0.9f - 299 * 0.001f, 10, 20, 30, 40);
    }

    @Test
    void selectorPicksTheLayoutFromTheShape() {
        assertInstanceOf(Yolov5Decoder.class, DecoderSelector.forShape(new long[] {1, 25200, 8}, null));
        assertEquals(0.45f, DecoderSelector.forShape(new long[] {1, 25200, 8}, null).iou());
        assertEquals(0.5f, DecoderSelector.forShape(new long[] {1, 25200, 8}, 0.5f).iou());
        assertInstanceOf(Yolov8Decoder.class, DecoderSelector.forShape(new long[] {1, 7, 8400}, null));
        assertInstanceOf(EndToEndDecoder.class, DecoderSelector.forShape(new long[] {1, 300, 6}, null));
    }

    @Test
    void unknownLayoutFailsNamingTheShape() {
        TolException e = assertThrows(TolException.class, () -> DecoderSelector.forShape(new long[] {1, 84, 8400}, null));
        assertTrue(e.getMessage().contains("[1, 84, 8400]"), e.getMessage());
        assertThrows(TolException.class, () -> DecoderSelector.forShape(new long[] {1, 1000}, null));
    }
}
