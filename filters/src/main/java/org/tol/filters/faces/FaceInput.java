package org.tol.filters.faces;

/**
 * One image prepared for MTCNN on the CPU pool: the {@code size x size} working image (interleaved RGB
 * bytes, for the R/O-Net crops), its normalised P-Net pyramid levels (CHW floats, one per scale) and the
 * original size to map boxes back to.
 */
public record FaceInput(byte[] work, int size, float[][] levels, int originalWidth, int originalHeight) {}
