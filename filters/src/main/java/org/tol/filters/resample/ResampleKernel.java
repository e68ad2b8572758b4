package org.tol.filters.resample;

/**
 * The filter kernels of Pillow's {@code libImaging/Resample.c} that tol reproduces: each has a support (the
 * kernel's half-width at scale 1, widened by the scale factor when downscaling) and a weight function.
 */
public enum ResampleKernel {
    /** Pillow's {@code BILINEAR}: the triangle filter, support 1 (MTCNN's 720x720 working image). */
    BILINEAR(1.0) {
        @Override
        public double weight(double x) {
            if (x < 0.0) {
                x = -x;
            }
            return x < 1.0 ? 1.0 - x : 0.0;
        }
    },
    /** Pillow's {@code BICUBIC}: the cubic convolution kernel with a = -0.5, support 2 (CLIP preprocessing). */
    BICUBIC(2.0) {
        @Override
        public double weight(double x) {
            final double a = -0.5;
            if (x < 0.0) {
                x = -x;
            }
            if (x < 1.0) {
                return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
            }
            if (x < 2.0) {
                return (((x - 5) * x + 8) * x - 4) * a;
            }
            return 0.0;
        }
    };

    private final double support;

    ResampleKernel(double support) {
        this.support = support;
    }

    /** Half-width of the kernel at scale 1, in source pixels. */
    public double support() {
        return support;
    }

    /** The kernel's (unnormalised) weight at distance {@code x} source pixels, scaled to the filter's width. */
    public abstract double weight(double x);
}
