package org.tol.filters.megadetector;

/** One image ready for the detector: {@code 3 x S x S} CHW floats and how it was placed. */
public record LetterboxedImage(float[] chw, LetterboxGeometry geometry) {}
