package org.tol.filters.faces;

import java.util.Arrays;

/**
 * Parameters of the MTCNN cascade. Defaults are the reference's: facenet-pytorch's min face 20 px and
 * factor 0.709, the stricter thresholds 0.9/0.95/0.95, the image score rule 0.985, a 720x720 working
 * image, and 512 R/O-Net candidates per forward pass (facenet-pytorch's fixed batch).
 */
public record MtcnnOptions(double minFace, double factor, float[] thresholds, float scoreRule, int maxCandidates,
        int workSize) {
    public static final int WORK_SIZE = 720;

    public MtcnnOptions {
        if (thresholds.length != 3) {
            throw new IllegalArgumentException("--thresholds needs three values (P-Net, R-Net, O-Net), got " + Arrays.toString(thresholds));
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("--max-candidates must be at least 1, got " + maxCandidates);
        }
        new Pyramid(workSize, workSize, minFace, factor); // validates min face and factor
    }

    public static MtcnnOptions defaults() {
        return new MtcnnOptions(20, 0.709, new float[] {0.9f, 0.95f, 0.95f}, 0.985f, 512, WORK_SIZE);
    }

    public Pyramid pyramid(int size) {
        return new Pyramid(size, size, minFace, factor);
    }
}
