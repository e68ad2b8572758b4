package org.tol.filters.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyramidTest {
    @Test
    void referenceSettingsGiveElevenLevels() {
        // 720 px, min face 20, factor 0.709: scales 0.6 * 0.709^k while 432 * 0.709^k >= 12 (k <= 10);
        // values and sizes printed by facenet-pytorch's loop run in Python
        Pyramid p = new Pyramid(720, 720, 20, 0.709);
        assertEquals(11, p.levels());
        assertEquals(0.6, p.scales().get(0), 0);
        assertEquals(0.42539999999999994, p.scales().get(1), 0);
        assertEquals(0.019258107303909824, p.scales().get(10), 0);
        List<Integer> sizes = new ArrayList<>();
        for (int k = 0; k < p.levels(); k++) {
            sizes.add(p.levelHeight(k));
        }
        assertEquals(List.of(433, 307, 218, 154, 110, 78, 55, 39, 28, 20, 14), sizes);
    }

    @Test
    void shortSideDecidesTheLevelCount() {
        // 100x40: minl = 40 * 0.5 = 20 -> levels at 20 and 14.18; 10.05 < 12 stops
        Pyramid p = new Pyramid(40, 100, 24, 0.709);
        assertEquals(2, p.levels());
        assertEquals(21, p.levelHeight(0)); // int(40 * 0.5 + 1)
        assertEquals(51, p.levelWidth(0));
        assertEquals(15, p.levelHeight(1)); // int(40 * 0.3545 + 1) = int(15.18)
    }

    @Test
    void rejectsFactorsOutsideZeroOne() {
        assertThrows(IllegalArgumentException.class, () -> new Pyramid(720, 720, 20, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Pyramid(720, 720, 0, 0.7));
    }
}
