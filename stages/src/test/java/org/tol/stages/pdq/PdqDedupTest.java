package org.tol.stages.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PdqDedupTest {
    private static PdqHash flip(PdqHash h, int... bits) {
        boolean[] b = new boolean[256];
        for (int k = 0; k < 256; k++) {
            b[k] = h.bit(k);
        }
        for (int k : bits) {
            b[k] = !b[k];
        }
        return PdqHash.fromBits(b);
    }

    @Test
    void clustersAreTransitiveAndKeepTheBestQualityRepresentative() throws Exception {
        Random rnd = new Random(3);
        PdqHash a = PdqHash.ofLongs(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
        PdqHash b = flip(a, 0, 1, 2, 3, 4, 5, 6, 7);              // 8 from a
        PdqHash c = flip(b, 100, 101, 102, 103, 104, 105, 106, 107); // 8 from b, 16 from a: joined through b
        PdqHash far = flip(a, java.util.stream.IntStream.range(120, 131).toArray()); // 11 from a: alone
        PdqHash other = PdqHash.ofLongs(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
        PdqHashTable t = new PdqHashTable();
        t.add("a", a, 80);
        t.add("b", b, 95);
        t.add("c", c, 95);
        t.add("far", far, 100);
        t.add("low", other, 20);
        t.add("dup-low", other, 40);
        PdqDedup.Result r = PdqDedup.run(t, 10, 50, 2);
        // a, b, c together; b and c tie on quality, "b" < "c"
        assertEquals(1, r.representative()[0]);
        assertEquals(1, r.representative()[1]);
        assertEquals(1, r.representative()[2]);
        assertEquals(3, r.clusterSize()[0]);
        assertTrue(r.isRepresentative(3));
        assertEquals(1, r.clusterSize()[3]);
        // exact duplicates of low quality: the better one represents, both flagged
        assertEquals(5, r.representative()[4]);
        assertTrue(r.lowQuality()[4] && r.lowQuality()[5]);
        assertFalse(r.lowQuality()[0]);
        assertEquals(3, r.clusters());
        // a-b, b-c and the two low-quality duplicates (a-c is 16 bits, a-far 11)
        assertEquals(3, r.pairs());
    }
}
