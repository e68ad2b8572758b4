package org.tol.filters.clip;

import java.util.Random;

/**
 * k-means for support-set building, like the reference's {@code sklearn.cluster.KMeans(n_clusters=k,
 * random_state=0)}: k-means++ seeding then Lloyd iterations to convergence, in double precision. The seeding
 * RNG is Java's, so cluster centres are not numerically identical to sklearn's, but deterministic.
 */
final class KMeans {
    private KMeans() {}

    /** Returns k centres [k][d] of {@code points} (n ≥ k). */
    static double[][] fit(double[][] points, int k, long seed) {
        int n = points.length;
        int d = points[0].length;
        Random rnd = new Random(seed);
        double[][] centres = new double[k][];
        centres[0] = points[rnd.nextInt(n)].clone();
        double[] dist = new double[n];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                dist[i] = Double.MAX_VALUE;
                for (int j = 0; j < c; j++) {
                    dist[i] = Math.min(dist[i], sq(points[i], centres[j]));
                }
                total += dist[i];
            }
            double r = rnd.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                r -= dist[i];
                if (r <= 0) {
                    pick = i;
                    break;
                }
            }
            centres[c] = points[pick].clone();
        }
        int[] assign = new int[n];
        for (int iter = 0; iter < 300; iter++) {
            boolean changed = iter == 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bd = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double s = sq(points[i], centres[c]);
                    if (s < bd) {
                        bd = s;
                        best = c;
                    }
                }
                changed |= assign[i] != best;
                assign[i] = best;
            }
            if (!changed) {
                break;
            }
            double[][] sum = new double[k][d];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                count[assign[i]]++;
                for (int j = 0; j < d; j++) {
                    sum[assign[i]][j] += points[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (count[c] == 0) {
                    continue; // an empty cluster keeps its centre
                }
                for (int j = 0; j < d; j++) {
                    centres[c][j] = sum[c][j] / count[c];
                }
            }
        }
        return centres;
    }

    private static double sq(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double t = a[i] - b[i];
            s += t * t;
        }
        return s;
    }
}
