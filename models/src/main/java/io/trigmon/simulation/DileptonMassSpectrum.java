package io.trigmon.simulation;

import io.trigmon.event.DileptonFeatures;
import io.trigmon.event.Event;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The invariant-mass spectrum of the leading lepton pair of a sample, with the numbers a physicist
 * checks a dilepton sample by: where the peak is (mode) and how wide (FWHM), the fraction of events
 * in the tail, and the power-law slope of the tail. Masses come from the five NPLM features ({@link
 * DileptonFeatures#m12()}), exactly as the models see the events.
 */
public final class DileptonMassSpectrum {

  private final double[] masses;

  private DileptonMassSpectrum(double[] masses) {
    this.masses = masses;
    Arrays.sort(this.masses);
  }

  /** The spectrum of the events that have two leptons. */
  public static DileptonMassSpectrum of(Stream<Event> events) {
    return new DileptonMassSpectrum(
        events
            .map(DileptonFeatures::of)
            .flatMap(Optional::stream)
            .mapToDouble(DileptonFeatures::m12)
            .toArray());
  }

  /** The spectrum of these masses (GeV). */
  public static DileptonMassSpectrum ofMasses(double[] masses) {
    return new DileptonMassSpectrum(masses.clone());
  }

  public int size() {
    return masses.length;
  }

  /** Fraction of events with M12 above {@code mass}. */
  public double fractionAbove(double mass) {
    return (double) countAbove(mass) / masses.length;
  }

  /** Binomial error of {@link #fractionAbove(double)}. */
  public double fractionAboveError(double mass) {
    double f = fractionAbove(mass);
    return Math.sqrt(f * (1 - f) / masses.length);
  }

  private int countAbove(double mass) {
    int low = 0;
    int high = masses.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (masses[mid] > mass) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return masses.length - low;
  }

  /**
   * The most probable mass in [lo, hi]: a histogram of bins of {@code binWidth} GeV is smoothed
   * over five bins to find the highest region, then a parabola is fitted to the logarithm of the
   * counts of the bins above 60 % of the maximum (a Gaussian fit of the core), weighted by the
   * counts; the mode is the parabola's vertex.
   */
  public double mode(double lo, double hi, double binWidth) {
    Histogram h = new Histogram(lo, hi, binWidth);
    int peak = h.peakBin();
    double threshold = 0.6 * h.smoothed[peak];
    int left = peak;
    while (left > 0 && h.smoothed[left - 1] >= threshold) {
      left--;
    }
    int right = peak;
    while (right < h.counts.length - 1 && h.smoothed[right + 1] >= threshold) {
      right++;
    }
    if (right - left < 2) {
      left = Math.max(0, peak - 1);
      right = Math.min(h.counts.length - 1, peak + 1);
    }
    // Weighted least squares of log n = a + b x + c x² with weights n (var log n ≈ 1/n).
    double[][] normal = new double[3][3];
    double[] rhs = new double[3];
    double centre = h.centre(peak);
    for (int i = left; i <= right; i++) {
      double n = h.counts[i];
      if (n <= 0) {
        continue;
      }
      double x = h.centre(i) - centre;
      double[] basis = {1, x, x * x};
      for (int r = 0; r < 3; r++) {
        rhs[r] += n * basis[r] * Math.log(n);
        for (int c = 0; c < 3; c++) {
          normal[r][c] += n * basis[r] * basis[c];
        }
      }
    }
    double[] coefficients = solve3(normal, rhs);
    if (coefficients == null || !(coefficients[2] < 0)) {
      return centre;
    }
    double vertex = centre - coefficients[1] / (2 * coefficients[2]);
    return Math.min(Math.max(vertex, h.centre(left)), h.centre(right));
  }

  /** Full width at half maximum of the peak in [lo, hi], from the five-bin smoothed histogram. */
  public double fullWidthAtHalfMaximum(double lo, double hi, double binWidth) {
    Histogram h = new Histogram(lo, hi, binWidth);
    int peak = h.peakBin();
    double half = 0.5 * h.smoothed[peak];
    int left = peak;
    while (left > 0 && h.smoothed[left - 1] > half) {
      left--;
    }
    int right = peak;
    while (right < h.counts.length - 1 && h.smoothed[right + 1] > half) {
      right++;
    }
    double leftEdge = crossing(h, left - 1, left, half);
    double rightEdge = crossing(h, right + 1, right, half);
    return rightEdge - leftEdge;
  }

  private static double crossing(Histogram h, int outside, int inside, double level) {
    if (outside < 0 || outside >= h.counts.length) {
      return h.centre(inside);
    }
    double yOut = h.smoothed[outside];
    double yIn = h.smoothed[inside];
    double t = (level - yOut) / (yIn - yOut);
    return h.centre(outside) + t * (h.centre(inside) - h.centre(outside));
  }

  /**
   * Maximum-likelihood fit of dN/dM ∝ M^slope to the masses in [lo, hi] (the slope of log dN/dM
   * against log M), with its error from the Fisher information.
   */
  public PowerLawFit tailSlope(double lo, double hi) {
    double sumLog = 0;
    int n = 0;
    for (double m : masses) {
      if (m >= lo && m <= hi) {
        sumLog += Math.log(m);
        n++;
      }
    }
    if (n < 2) {
      throw new IllegalStateException("fewer than two events in [" + lo + ", " + hi + "] GeV");
    }
    double meanLog = sumLog / n;
    // E_k[log M] falls monotonically with the index k of M^-k: bisect for the observed mean.
    double kLow = -20;
    double kHigh = 30;
    for (int iteration = 0; iteration < 200; iteration++) {
      double k = 0.5 * (kLow + kHigh);
      if (logMoments(k, lo, hi)[0] > meanLog) {
        kLow = k;
      } else {
        kHigh = k;
      }
    }
    double k = 0.5 * (kLow + kHigh);
    double variance = logMoments(k, lo, hi)[1];
    return new PowerLawFit(-k, 1 / Math.sqrt(n * variance), n);
  }

  /** Mean and variance of log M under dN/dM ∝ M^-k on [lo, hi] (Simpson's rule in log M). */
  private static double[] logMoments(double k, double lo, double hi) {
    int steps = 2000;
    double a = Math.log(lo);
    double b = Math.log(hi);
    double h = (b - a) / steps;
    double z = 0;
    double first = 0;
    double second = 0;
    for (int i = 0; i <= steps; i++) {
      double t = a + i * h;
      double weight = (i == 0 || i == steps) ? 1 : (i % 2 == 1 ? 4 : 2);
      // dN/dt = M dN/dM ∝ exp((1 − k) t), shifted for numerical range.
      double f = weight * Math.exp((1 - k) * (t - a));
      z += f;
      first += f * t;
      second += f * t * t;
    }
    double mean = first / z;
    return new double[] {mean, second / z - mean * mean};
  }

  private static double[] solve3(double[][] m, double[] v) {
    double det = det3(m);
    if (Math.abs(det) < 1e-300) {
      return null;
    }
    double[] x = new double[3];
    for (int c = 0; c < 3; c++) {
      double[][] replaced = new double[3][];
      for (int r = 0; r < 3; r++) {
        replaced[r] = m[r].clone();
        replaced[r][c] = v[r];
      }
      x[c] = det3(replaced) / det;
    }
    return x;
  }

  private static double det3(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }

  /**
   * A power-law fit dN/dM ∝ M^slope.
   *
   * @param slope d log(dN/dM) / d log M
   * @param error its statistical error
   * @param events events in the fitted range
   */
  public record PowerLawFit(double slope, double error, int events) {}

  private final class Histogram {
    final double lo;
    final double width;
    final double[] counts;
    final double[] smoothed;

    Histogram(double lo, double hi, double width) {
      if (!(hi > lo) || !(width > 0)) {
        throw new IllegalArgumentException("need lo < hi and width > 0");
      }
      this.lo = lo;
      this.width = width;
      int bins = (int) Math.ceil((hi - lo) / width);
      counts = new double[bins];
      for (double m : masses) {
        int bin = (int) Math.floor((m - lo) / width);
        if (m >= lo && bin < bins) {
          counts[bin]++;
        }
      }
      smoothed = new double[bins];
      for (int i = 0; i < bins; i++) {
        double sum = 0;
        int n = 0;
        for (int j = Math.max(0, i - 2); j <= Math.min(bins - 1, i + 2); j++) {
          sum += counts[j];
          n++;
        }
        smoothed[i] = sum / n;
      }
    }

    double centre(int bin) {
      return lo + (bin + 0.5) * width;
    }

    int peakBin() {
      int best = 0;
      for (int i = 1; i < smoothed.length; i++) {
        if (smoothed[i] > smoothed[best]) {
          best = i;
        }
      }
      if (smoothed[best] <= 0) {
        throw new IllegalStateException("no events in the histogram range");
      }
      return best;
    }
  }
}
