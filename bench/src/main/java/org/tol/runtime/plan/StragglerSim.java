package org.tol.runtime.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.tol.checkpoint.WorkUnit;

/**
 * {@code tol bench stragglers}: the reference's static split ({@link Lpt#share}, by bytes, decided before any
 * work) against the MPJ runtime's dynamic largest-first queue (a free rank takes the next unit), simulated on a
 * heavy-tailed file-size distribution with noisy per-image cost. A unit's real time is its images' costs, which
 * the static split cannot see: it balances bytes, and the noise and the giant files make the tail.
 *
 * <p>Model: sizes log-normal around {@code medianMb} (sigma 0.5), and a fraction {@code giantFraction} of files
 * 10-50x the median; ~{@code imagesPerMb} images a MB; each image costs 1 time unit times a log-normal factor
 * (sigma {@code noise}); each file also a log-normal factor (sigma {@code fileNoise}: its source's image sizes,
 * busy scenes). The sum over a file's images is drawn from its normal approximation. The queue adds
 * {@code latency} units per request (rank 0's round trip).
 */
public final class StragglerSim {
    private StragglerSim() {}

    /** The inputs of one simulation. */
    public record Params(int files, int ranks, double medianMb, double giantFraction, double imagesPerMb,
            double noise, double fileNoise, double latency, long seed) {}

    public static Map<String, Object> run(Params p) {
        Random r = new Random(p.seed());
        List<WorkUnit> units = new ArrayList<>();
        double[] cost = new double[p.files()];
        double imageMean = Math.exp(p.noise() * p.noise() / 2);
        double imageSd = imageMean * Math.sqrt(Math.exp(p.noise() * p.noise()) - 1);
        for (int i = 0; i < p.files(); i++) {
            double mb = p.medianMb() * Math.exp(0.5 * r.nextGaussian());
            if (r.nextDouble() < p.giantFraction()) {
                mb = p.medianMb() * (10 + 40 * r.nextDouble());
            }
            double images = Math.max(1, Math.round(mb * p.imagesPerMb()));
            double sum = images * imageMean + Math.sqrt(images) * imageSd * r.nextGaussian();
            cost[i] = Math.max(images * 0.1, sum) * Math.exp(p.fileNoise() * r.nextGaussian());
            units.add(new WorkUnit(Integer.toString(i), "f" + i, Math.round(mb * 1e6), 0, -1));
        }
        List<WorkUnit> order = Lpt.largestFirst(units);
        double total = 0;
        for (double c : cost) {
            total += c;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", p);
        m.put("ideal", total / p.ranks());
        m.put("static_lpt", staticSplit(order, cost, p.ranks(), total));
        m.put("dynamic_queue", dynamicQueue(order, cost, p.ranks(), p.latency(), total));
        return m;
    }

    /** Every rank runs its precomputed share; finish times are the sums of its units' real costs. */
    private static Map<String, Object> staticSplit(List<WorkUnit> order, double[] cost, int ranks, double total) {
        // Lpt.share per rank is O(units x ranks); one pass gives every rank's share at once, the same split.
        long[] load = new long[ranks];
        List<double[]> events = new ArrayList<>(); // {finish time of a unit, its cost}
        double[] clock = new double[ranks];
        for (WorkUnit u : order) {
            int best = 0;
            for (int k = 1; k < ranks; k++) {
                if (load[k] < load[best]) {
                    best = k;
                }
            }
            load[best] += u.bytes();
            double c = cost[Integer.parseInt(u.id())];
            clock[best] += c;
            events.add(new double[] {clock[best], c});
        }
        return summary(events, clock, total);
    }

    /** A free rank takes the next unit of the largest-first queue. */
    private static Map<String, Object> dynamicQueue(List<WorkUnit> order, double[] cost, int ranks, double latency,
            double total) {
        PriorityQueue<double[]> free = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : Double.compare(a[1], b[1])); // {time free, rank}
        for (int k = 0; k < ranks; k++) {
            free.add(new double[] {0, k});
        }
        double[] clock = new double[ranks];
        List<double[]> events = new ArrayList<>();
        for (WorkUnit u : order) {
            double[] f = free.poll();
            double c = cost[Integer.parseInt(u.id())];
            double end = f[0] + latency + c;
            clock[(int) f[1]] = end;
            events.add(new double[] {end, c});
            free.add(new double[] {end, f[1]});
        }
        return summary(events, clock, total);
    }

    /** Makespan, when 95 % of the work was done, the tail after it, and the ranks' mean busy fraction. */
    private static Map<String, Object> summary(List<double[]> events, double[] clock, double total) {
        events.sort((a, b) -> Double.compare(a[0], b[0]));
        double done = 0;
        double t95 = 0;
        for (double[] e : events) {
            done += e[1];
            if (done >= 0.95 * total) {
                t95 = e[0];
                break;
            }
        }
        double makespan = 0;
        for (double c : clock) {
            makespan = Math.max(makespan, c);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("makespan", makespan);
        m.put("t95", t95);
        m.put("tail_after_95", makespan - t95);
        m.put("tail_fraction", (makespan - t95) / makespan);
        m.put("efficiency", total / (clock.length * makespan));
        return m;
    }
}
