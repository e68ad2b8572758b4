package org.tol.stages.pdq;

/**
 * Torben Mogensen's median: repeated counting passes around a bisected guess, no sorting and no copy. PDQ
 * uses it so that ties and the even-length case resolve exactly as in the reference: for n values it returns
 * the ((n+1)/2)-th smallest (the lower median when n is even).
 */
public final class TorbenMedian {
    private TorbenMedian() {}

    public static float median(float[] m, int n) {
        float min = m[0];
        float max = m[0];
        for (int i = 1; i < n; i++) {
            if (m[i] < min) {
                min = m[i];
            }
            if (m[i] > max) {
                max = m[i];
            }
        }
        int half = (n + 1) / 2;
        int less;
        int greater;
        int equal;
        float guess;
        float maxLtGuess;
        float minGtGuess;
        while (true) {
            guess = (min + max) / 2;
            less = 0;
            greater = 0;
            equal = 0;
            maxLtGuess = min;
            minGtGuess = max;
            for (int i = 0; i < n; i++) {
                float v = m[i];
                if (v < guess) {
                    less++;
                    if (v > maxLtGuess) {
                        maxLtGuess = v;
                    }
                } else if (v > guess) {
                    greater++;
                    if (v < minGtGuess) {
                        minGtGuess = v;
                    }
                } else {
                    equal++;
                }
            }
            if (less <= half && greater <= half) {
                break;
            } else if (less > greater) {
                max = maxLtGuess;
            } else {
                min = minGtGuess;
            }
        }
        if (less >= half) {
            return maxLtGuess;
        } else if (less + equal >= half) {
            return guess;
        }
        return minGtGuess;
    }
}
