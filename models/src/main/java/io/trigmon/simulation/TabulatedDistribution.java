package io.trigmon.simulation;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A one-dimensional density tabulated on a grid and sampled exactly from its piecewise-linear
 * interpolant by inverting the cumulative distribution: a binary search finds the interval, a
 * quadratic gives the point inside it. One uniform draw per sample and no rejection, so a lineshape
 * restricted to a mass range (the tail above a selection cut) costs nothing extra.
 */
final class TabulatedDistribution {

  private final double[] x;
  private final double[] density;
  private final double[] cumulative;

  /** guide[k]: the interval holding the quantile k/GUIDE_SIZE, to start the search near it. */
  private final int[] guide;

  private static final int GUIDE_SIZE = 1024;

  private TabulatedDistribution(double[] x, double[] density) {
    this.x = x;
    this.density = density;
    this.cumulative = new double[x.length];
    for (int i = 1; i < x.length; i++) {
      cumulative[i] = cumulative[i - 1] + 0.5 * (density[i] + density[i - 1]) * (x[i] - x[i - 1]);
    }
    if (!(cumulative[x.length - 1] > 0) || !Double.isFinite(cumulative[x.length - 1])) {
      throw new IllegalArgumentException(
          "density has no positive finite integral on [" + x[0] + ", " + x[x.length - 1] + "]");
    }
    guide = new int[GUIDE_SIZE + 1];
    int i = 0;
    for (int k = 0; k <= GUIDE_SIZE; k++) {
      double target = integral() * k / GUIDE_SIZE;
      while (i < x.length - 2 && cumulative[i + 1] < target) {
        i++;
      }
      guide[k] = i;
    }
  }

  /**
   * A distribution on [lo, hi]: nodes uniform in log x ({@code logNodes} of them) plus nodes spaced
   * {@code width}/20 within ±30 {@code width} of each {@code peaks} entry, where resonances need
   * them.
   */
  static TabulatedDistribution of(
      DoubleUnaryOperator f, double lo, double hi, int logNodes, double width, double... peaks) {
    if (!(lo > 0 && hi > lo)) {
      throw new IllegalArgumentException("need 0 < lo < hi, got [" + lo + ", " + hi + "]");
    }
    double[] nodes = new double[logNodes + peaks.length * 1201];
    int n = 0;
    double ratio = Math.log(hi / lo);
    for (int i = 0; i < logNodes; i++) {
      nodes[n++] = lo * Math.exp(ratio * i / (logNodes - 1));
    }
    for (double peak : peaks) {
      for (int i = -600; i <= 600; i++) {
        double node = peak + i * width / 20;
        if (node > lo && node < hi) {
          nodes[n++] = node;
        }
      }
    }
    double[] grid = Arrays.stream(nodes, 0, n).sorted().distinct().toArray();
    grid[0] = lo;
    grid[grid.length - 1] = hi;
    double[] values = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      values[i] = Math.max(0, f.applyAsDouble(grid[i]));
    }
    return new TabulatedDistribution(grid, values);
  }

  double upper() {
    return x[x.length - 1];
  }

  /** The integral of the interpolated density over the whole range. */
  double integral() {
    return cumulative[x.length - 1];
  }

  /** The integral of the interpolated density from the lower end up to {@code t}. */
  double cumulative(double t) {
    if (t <= x[0]) {
      return 0;
    }
    if (t >= upper()) {
      return integral();
    }
    int i = interval(t);
    double dx = t - x[i];
    double slope = (density[i + 1] - density[i]) / (x[i + 1] - x[i]);
    return cumulative[i] + density[i] * dx + 0.5 * slope * dx * dx;
  }

  double sample(RandomGenerator rng) {
    double u = rng.nextDouble();
    double target = u * integral();
    int k = (int) (u * GUIDE_SIZE);
    int from = guide[k];
    int to = guide[Math.min(k + 1, GUIDE_SIZE)] + 1;
    int i = Arrays.binarySearch(cumulative, from, Math.min(to + 1, x.length), target);
    if (i < 0) {
      i = -i - 2;
    }
    i = Math.min(Math.max(i, 0), x.length - 2);
    double h = x[i + 1] - x[i];
    double f0 = density[i];
    double slope = (density[i + 1] - f0) / h;
    double area = target - cumulative[i];
    double dx;
    if (Math.abs(slope) * area < 1e-9 * f0 * f0) {
      dx = f0 > 0 ? area / f0 : 0.5 * h;
    } else {
      // Solve f0·dx + slope·dx²/2 = area for the root in [0, h].
      double disc = Math.max(0, f0 * f0 + 2 * slope * area);
      dx = 2 * area / (f0 + Math.sqrt(disc));
    }
    return x[i] + Math.min(Math.max(dx, 0), h);
  }

  private int interval(double t) {
    int i = Arrays.binarySearch(x, t);
    if (i < 0) {
      i = -i - 2;
    }
    return Math.min(Math.max(i, 0), x.length - 2);
  }
}
